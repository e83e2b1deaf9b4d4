using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotRuntime.Schema;

public sealed class ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null, string? role = null)
    {
        Id = id;
        Name = name;
        Role = role;
    }

    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
}

public sealed class ConversationAccount
{
    public ConversationAccount() { }

    public ConversationAccount(string id, bool? isGroup = null, string? conversationType = null)
    {
        Id = id;
        IsGroup = isGroup;
        ConversationType = conversationType;
    }

    public bool? IsGroup { get; set; }
    public string? ConversationType { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }
    public string? TenantId { get; set; }
}

public sealed class ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? Locale { get; set; }
    public string? ServiceUrl { get; set; }
}

public sealed class Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }
}

/// <summary>An entity attached to an activity. Its type-specific fields stay as raw JSON.</summary>
public sealed class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public string? GetString(string property) =>
        Properties is not null && Properties.TryGetValue(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

public sealed class SuggestedActions
{
    public List<string>? To { get; set; }
    public List<CardAction>? Actions { get; set; }
}

public sealed class CardAction
{
    public CardAction() { }

    public CardAction(string type, string title, string? value = null)
    {
        Type = type;
        Title = title;
        Value = value is null ? null : JsonSerializer.SerializeToElement(value, BotJsonContext.Default.String);
    }

    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Image { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public JsonElement? Value { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? ImageAltText { get; set; }
}

public sealed class CardImage
{
    public string? Url { get; set; }
    public string? Alt { get; set; }
    public CardAction? Tap { get; set; }
}

public sealed class HeroCard
{
    public const string ContentType = "application/vnd.microsoft.card.hero";

    public string? Title { get; set; }
    public string? Subtitle { get; set; }
    public string? Text { get; set; }
    public List<CardImage>? Images { get; set; }
    public List<CardAction>? Buttons { get; set; }
    public CardAction? Tap { get; set; }

    public Attachment ToAttachment() => new()
    {
        ContentType = ContentType,
        Content = JsonSerializer.SerializeToElement(this, BotJsonContext.Default.HeroCard),
    };
}

public sealed class MessageReaction
{
    public string? Type { get; set; }
}

public sealed class TextHighlight
{
    public string? Text { get; set; }
    public int? Occurrence { get; set; }
}

public sealed class SemanticAction
{
    public string? Id { get; set; }
    public string? State { get; set; }
    public Dictionary<string, JsonElement>? Entities { get; set; }
}

/// <summary>What a bot returns for an invoke activity; written as the HTTP status and body.</summary>
public sealed class InvokeResponse
{
    public int Status { get; set; }
    public JsonElement? Body { get; set; }
}

/// <summary>The body of a 200 answer to a request with deliveryMode expectReplies.</summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}

public sealed class ResourceResponse
{
    public ResourceResponse() { }

    public ResourceResponse(string? id) => Id = id;

    public string? Id { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorResponse() { }

    public ErrorResponse(string code, string message) => Error = new Error { Code = code, Message = message };

    public Error? Error { get; set; }
}

public sealed class Error
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? TenantId { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Id { get; set; }
}

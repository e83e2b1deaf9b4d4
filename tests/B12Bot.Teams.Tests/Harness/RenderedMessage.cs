using System.Text.Json.Nodes;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// A message as the playground's Teams chat shows it: a createMessage/updateMessage frame of the conversation stream
/// (/_ws_conversation/v1/conversations/stream) that the chat UI renders from.
/// </summary>
public sealed record RenderedMessage(JsonNode Frame)
{
    public string? Action => Frame["action"]?.GetValue<string>();

    /// <summary>The chat or channel thread the message appears in.</summary>
    public string? ConversationId => Frame["actionConversationId"]?.GetValue<string>();

    public string? MessageId => Frame["message"]?["messageId"]?.GetValue<string>();

    public string? FromId => Frame["message"]?["from"]?["id"]?.GetValue<string>();

    public string? Text => Frame["message"]?["text"]?.GetValue<string>();

    public string? TextFormat => Frame["message"]?["textFormat"]?.GetValue<string>();

    public JsonArray Attachments => Frame["message"]?["attachments"] as JsonArray ?? [];

    public JsonArray SuggestedActions => Frame["message"]?["suggestedActions"]?["actions"] as JsonArray ?? [];
}

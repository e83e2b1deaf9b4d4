using System.Text.Json.Nodes;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// One activity the bot sent to the Teams (mock) connector during a turn: the activity exactly as the bot sent it, the
/// status the connector answered, and the message as the playground's chat shows it (null for non-message activities).
/// </summary>
public sealed record BotReply(JsonObject Activity, int? StatusCode, string ConversationId, RenderedMessage? Rendered)
{
    public string? Type => Activity["type"]?.GetValue<string>();

    public bool IsMessage => Type == "message";

    public string Text => Activity["text"]?.GetValue<string>() ?? string.Empty;

    /// <summary>"high" or "urgent" make Teams flag the message as important.</summary>
    public string? Importance => Activity["importance"]?.GetValue<string>();

    /// <summary>channelData.notification.alert: Teams raises a notification (activity feed / toast) for the message.</summary>
    public bool NotificationAlert => Activity["channelData"]?["notification"]?["alert"]?.GetValue<bool>() == true;

    public JsonArray Attachments => Activity["attachments"] as JsonArray ?? [];

    public JsonArray SuggestedActions => Activity["suggestedActions"]?["actions"] as JsonArray ?? [];

    public string? ReplyToId => Activity["replyToId"]?.GetValue<string>();

    /// <summary>Every card action (hero card buttons, Adaptive Card actions) on the message's attachments.</summary>
    public IEnumerable<CardButton> CardButtons =>
        Attachments.OfType<JsonObject>().SelectMany(attachment => CardButton.From(attachment));

    /// <summary>All text a user reads on the message: its text plus the text of its cards.</summary>
    public string VisibleText => string.Join("\n", new[] { Text }.Concat(Attachments.OfType<JsonObject>().Select(CardText)).Where(t => t.Length > 0));

    private static string CardText(JsonObject attachment)
    {
        var content = attachment["content"];
        if (content is null)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        Collect(content, parts);
        return string.Join("\n", parts);
    }

    private static void Collect(JsonNode node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is JsonValue v && v.TryGetValue(out string? s) && key is "text" or "title" or "subtitle")
                    {
                        parts.Add(s);
                    }
                    else if (value is not null && value is not JsonValue)
                    {
                        Collect(value, parts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Collect(item, parts);
                    }
                }

                break;
        }
    }
}

/// <summary>A button on a card: its kind (imBack, messageBack, Action.Submit...), label, and what pressing it sends.</summary>
public sealed record CardButton(string ContentType, string Type, string? Title, JsonNode? Value, JsonNode? Data)
{
    public static IEnumerable<CardButton> From(JsonObject attachment)
    {
        var contentType = attachment["contentType"]?.GetValue<string>() ?? string.Empty;
        var content = attachment["content"];
        if (content?["buttons"] is JsonArray buttons)
        {
            foreach (var button in buttons.OfType<JsonObject>())
            {
                yield return new CardButton(contentType, button["type"]?.GetValue<string>() ?? string.Empty, button["title"]?.GetValue<string>(), button["value"], null);
            }
        }

        if (content?["actions"] is JsonArray actions)
        {
            foreach (var action in actions.OfType<JsonObject>())
            {
                yield return new CardButton(contentType, action["type"]?.GetValue<string>() ?? string.Empty, action["title"]?.GetValue<string>(), null, action["data"]);
            }
        }
    }
}

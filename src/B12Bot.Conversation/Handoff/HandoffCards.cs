using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BotRuntime.Schema;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The Adaptive Cards (schema 1.5, what Teams renders) the clinic team sees. The visitor's own words only ever go into
/// a RichTextBlock's TextRun, which renders text literally: no Markdown, no links, no HTML, whatever the visitor typed.
/// </summary>
public static class HandoffCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string ActionKey = "handoff";
    public const string SessionKey = "sessionId";
    public const string TakeAction = "take";
    public const string EndAction = "end";
    public const string TakeVerb = "handoff.take";
    public const string EndVerb = "handoff.end";
    private const int MaxVisitorText = 1000;

    /// <summary>The request card: what the visitor agreed to share and the "Take this conversation" button.</summary>
    public static Activity Request(HandoffSession session, IReadOnlyList<string> recentMessages, string? walkthroughSummary, TimeSpan wait)
    {
        var body = new JsonArray
        {
            TextBlock("A website visitor would like to talk to someone", weight: "Bolder", size: "Medium"),
            TextBlock($"Requested {session.CreatedAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC. Please take it within {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minutes.", isSubtle: true),
        };
        if (recentMessages.Count > 0)
        {
            body.Add(TextBlock("Their question and recent messages (shared with their consent):", weight: "Bolder"));
            foreach (var message in recentMessages)
            {
                body.Add(VisitorText(message));
            }
        }
        else
        {
            body.Add(TextBlock("The visitor has not written a question yet.", isSubtle: true));
        }

        if (!string.IsNullOrWhiteSpace(walkthroughSummary))
        {
            body.Add(TextBlock("Symptom check summary (the bot's walkthrough):", weight: "Bolder"));
            // The bot's own report (reviewed content; the answers are choice labels, never the visitor's words), so
            // its Markdown (bold title, list of answers) is rendered as the visitor saw it.
            body.Add(TextBlock(walkthroughSummary));
        }

        body.Add(TextBlock("Mention the bot in this thread to reply; your messages go to the visitor's chat on the website.", isSubtle: true));
        return Card(body, [Submit("Take this conversation", TakeAction, session.Id)]);
    }

    /// <summary>The request card after someone took it (or it ended).</summary>
    public static Activity Status(HandoffSession session, string statusLine, bool canEnd)
    {
        var body = new JsonArray
        {
            TextBlock("A website visitor asked to talk to someone", weight: "Bolder", size: "Medium"),
            TextBlock(statusLine, weight: "Bolder", color: "Good"),
        };
        return Card(body, canEnd ? [Submit("End the chat", EndAction, session.Id)] : []);
    }

    /// <summary>A message the visitor wrote during the handoff, shown literally.</summary>
    public static Activity VisitorMessage(string text, bool flagged)
    {
        var body = new JsonArray { TextBlock(flagged ? "Visitor (the safety check flagged this message):" : "Visitor:", weight: "Bolder", color: flagged ? "Attention" : null), VisitorText(text) };
        var card = Card(body, []);
        if (flagged)
        {
            card.Importance = ActivityImportance.High;
        }

        return card;
    }

    /// <summary>A callback request: the contact the visitor agreed to leave, shown literally.</summary>
    public static Activity Callback(string contact, DateTimeOffset deleteAfter)
    {
        var body = new JsonArray
        {
            TextBlock("Callback requested", weight: "Bolder", size: "Medium"),
            TextBlock("The visitor agreed to share this contact so the clinic can get back to them:"),
            VisitorText(contact),
            TextBlock($"Please delete it after use; the bot deletes its own copy by {deleteAfter.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.", isSubtle: true),
        };
        return Card(body, []);
    }

    /// <summary>Plain bot text in the thread (our own words, never the visitor's).</summary>
    public static Activity Notice(string text, bool urgent = false)
    {
        var message = Activity.CreateMessageActivity(text, TextFormatTypes.Plain);
        if (urgent)
        {
            message.Importance = ActivityImportance.High;
            message.ChannelData = JsonSerializer.SerializeToElement(new JsonObject { ["notification"] = new JsonObject { ["alert"] = true } });
        }

        return message;
    }

    /// <summary>Reads a card action: the Action.Submit data (message value) or Action.Execute (invoke adaptiveCard/action).</summary>
    public static (string Action, string SessionId)? ReadAction(Activity activity)
    {
        JsonElement? data = null;
        if (activity.IsType(ActivityTypes.Message) && activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            data = value;
        }
        else if (activity.IsType(ActivityTypes.Invoke) && activity.Name == "adaptiveCard/action"
                 && activity.Value is { ValueKind: JsonValueKind.Object } invoke
                 && invoke.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object)
        {
            var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (action.TryGetProperty("data", out var executeData) && executeData.ValueKind == JsonValueKind.Object
                && executeData.TryGetProperty(SessionKey, out var executeSession) && executeSession.ValueKind == JsonValueKind.String)
            {
                return verb switch
                {
                    TakeVerb => (TakeAction, executeSession.GetString()!),
                    EndVerb => (EndAction, executeSession.GetString()!),
                    _ => null,
                };
            }

            return null;
        }

        if (data is { } submitted
            && submitted.TryGetProperty(ActionKey, out var name) && name.ValueKind == JsonValueKind.String
            && submitted.TryGetProperty(SessionKey, out var session) && session.ValueKind == JsonValueKind.String
            && name.GetString() is TakeAction or EndAction)
        {
            return (name.GetString()!, session.GetString()!);
        }

        return null;
    }

    /// <summary>The card as the body of an invoke response (Action.Execute's replacement card).</summary>
    public static JsonElement InvokeCardBody(Activity card) => JsonSerializer.SerializeToElement(new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = ContentType,
        ["value"] = JsonNode.Parse(card.Attachments![0].Content!.Value.GetRawText()),
    });

    private static Activity Card(JsonArray body, JsonArray actions)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        if (actions.Count > 0)
        {
            card["actions"] = actions;
        }

        var message = Activity.CreateMessageActivity();
        message.Attachments = [new Attachment { ContentType = ContentType, Content = JsonSerializer.SerializeToElement(card) }];
        return message;
    }

    private static JsonObject Submit(string title, string action, string sessionId) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JsonObject { [ActionKey] = action, [SessionKey] = sessionId },
    };

    private static JsonObject TextBlock(string text, string? weight = null, string? size = null, bool isSubtle = false, string? color = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (isSubtle)
        {
            block["isSubtle"] = true;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        return block;
    }

    /// <summary>Text shown exactly as written: a TextRun is never parsed as Markdown.</summary>
    private static JsonObject VisitorText(string text) => PlainText(text.Length <= MaxVisitorText ? text : text[..MaxVisitorText] + "…");

    private static JsonObject PlainText(string text) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JsonArray { new JsonObject { ["type"] = "TextRun", ["text"] = text } },
    };
}

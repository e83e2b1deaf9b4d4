using System.Text.Json.Nodes;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// One entry of the playground's log panel (/_ws/log/stream): an HTTP exchange between the playground and the bot, in
/// either direction, with the full activity and the status code it got; or a plain text notice. Entries are logged
/// when the exchange finished, so a bot reply (bot → playground) is logged before the turn that sent it ends
/// (playground → bot, logged with the bot's HTTP status).
/// </summary>
public sealed record PlaygroundLogEntry(int Index, JsonNode Frame)
{
    public const string PlaygroundLabel = "Microsoft 365 Agents Playground";
    public const string BotLabel = "User Application";

    private JsonNode? Log => Frame["log"];

    /// <summary>The playground delivered an activity to the bot's /api/messages.</summary>
    public bool IsToBot => Label("from") == PlaygroundLabel && Label("to") == BotLabel;

    /// <summary>The bot called the playground's mock Bot Connector (a reply, an update, a members lookup...).</summary>
    public bool IsFromBot => Label("from") == BotLabel && Label("to") == PlaygroundLabel;

    public string? ConversationId => Log?["conversationId"]?.GetValue<string>();

    public string? ActivityName => Log?["activityName"]?.GetValue<string>();

    /// <summary>The activity that was sent (the request body).</summary>
    public JsonObject? Activity => Log?["request"]?["body"] as JsonObject;

    public int? StatusCode => Log?["response"]?["statusCode"]?.GetValue<int>();

    public JsonNode? ResponseBody => Log?["response"]?["body"];

    public string? DisplayText => Log?["displayText"]?.GetValue<string>();

    private string? Label(string name) => Log?[name]?.GetValue<string>();

    public override string ToString()
    {
        var direction = IsToBot ? "playground -> bot" : IsFromBot ? "bot -> playground" : "notice";
        var text = Activity?["text"]?.ToString() ?? DisplayText ?? string.Empty;
        if (text.Length > 120)
        {
            text = text[..120] + "...";
        }

        return $"#{Index} {direction} {ActivityName} [{ConversationId}] {StatusCode} {text.ReplaceLineEndings(" ")}";
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// A running pair for one test: the real B12Bot host and a Microsoft 365 Agents Playground emulating Teams against its
/// /api/messages, both on 127.0.0.1. Tests act like a Teams user through the playground's own HTTP API (the one its
/// chat UI uses) and observe what the bot sent through the playground's WebSockets. Each action waits until the bot
/// has finished the turn (the playground logs the bot's HTTP answer after every reply the turn sent), so "the bot said
/// nothing" is a checked fact, not a timeout. Everything is stopped on dispose, also when the test failed.
/// </summary>
public sealed class TeamsPlayground : IAsyncDisposable
{
    /// <summary>How long one turn may take before the test fails (the whole test stays well under a minute).</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(20);

    private readonly ITestOutputHelper _output;
    private readonly CancellationTokenSource _lifetime;
    private readonly HttpClient _http;
    private int _customActivities;

    private TeamsPlayground(ITestOutputHelper output, CancellationTokenSource lifetime, B12BotServer bot, AgentsPlaygroundProcess playground,
        JsonFrameStream conversations, JsonFrameStream log)
    {
        _output = output;
        _lifetime = lifetime;
        Bot = bot;
        Playground = playground;
        Conversations = conversations;
        Log = log;
        _http = new HttpClient { BaseAddress = playground.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
    }

    public B12BotServer Bot { get; }

    public AgentsPlaygroundProcess Playground { get; }

    /// <summary>The conversation stream: what the playground's chat shows.</summary>
    public JsonFrameStream Conversations { get; }

    /// <summary>The log panel's stream: every HTTP exchange between playground and bot.</summary>
    public JsonFrameStream Log { get; }

    public CancellationToken Cancellation => _lifetime.Token;

    public static Task<TeamsPlayground> StartAsync(ITestOutputHelper output) => StartAsync(output, TimeSpan.FromSeconds(55));

    /// <param name="bound">One bound for everything the test does, so a hang fails the test instead of the run.</param>
    /// <param name="botSettings">More settings for the bot's host ("--Key", "value", ...).</param>
    public static async Task<TeamsPlayground> StartAsync(ITestOutputHelper output, TimeSpan bound, params string[] botSettings)
    {
        var lifetime = new CancellationTokenSource(bound);
        B12BotServer? bot = null;
        AgentsPlaygroundProcess? playground = null;
        JsonFrameStream? conversations = null;
        JsonFrameStream? log = null;
        try
        {
            bot = await B12BotServer.StartAsync(lifetime.Token, botSettings);
            playground = await AgentsPlaygroundProcess.StartAsync(bot.MessagingEndpoint, lifetime.Token);
            var ws = new UriBuilder(playground.BaseAddress) { Scheme = "ws" }.Uri;
            conversations = await JsonFrameStream.ConnectAsync(new Uri(ws, "/_ws_conversation/v1/conversations/stream"), "conversation", lifetime.Token);
            log = await JsonFrameStream.ConnectAsync(new Uri(ws, "/_ws/log/stream"), "log", lifetime.Token);
            return new TeamsPlayground(output, lifetime, bot, playground, conversations, log);
        }
        catch
        {
            if (log is not null)
            {
                await log.DisposeAsync();
            }

            if (conversations is not null)
            {
                await conversations.DisposeAsync();
            }

            if (playground is not null)
            {
                output.WriteLine(playground.Describe());
                await playground.DisposeAsync();
            }

            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            lifetime.Dispose();
            throw;
        }
    }

    /// <summary>The mock tenant the playground loaded (GET /_internal/v1/config, as its UI reads it).</summary>
    public async Task<JsonNode> GetConfigAsync() =>
        (await _http.GetFromJsonAsync<JsonNode>("/_internal/v1/config", Cancellation))!["config"]!;

    /// <summary>The user installs the bot in the personal chat (the playground sends installationUpdate and conversationUpdate).</summary>
    public async Task<TeamsTurn> InstallInPersonalChatAsync()
    {
        var from = Log.Count;
        await PostAsync($"/_debug/conversation/{Uri.EscapeDataString(ClinicTenant.PersonalChatId)}/installation", new JsonObject());
        var installation = await WaitForDeliveryAsync(from, e => e.ActivityName == "installationUpdate" && e.ConversationId == ClinicTenant.PersonalChatId, "installationUpdate");
        var membersAdded = await WaitForDeliveryAsync(from, e => e.ActivityName == "conversationUpdate" && e.ConversationId == ClinicTenant.PersonalChatId, "conversationUpdate");
        return await CollectTurnAsync(from, new[] { installation, membersAdded }.OrderBy(e => e.Index).ToList(), "install in personal chat");
    }

    /// <summary>The bot is added to the clinic's team (the playground sends installationUpdate and conversationUpdate with channelData.team).</summary>
    public async Task<TeamsTurn> InstallInTeamAsync()
    {
        var from = Log.Count;
        await PostAsync($"/_debug/conversation/{Uri.EscapeDataString(ClinicTenant.TeamId)}/installation", new JsonObject());
        var membersAdded = await WaitForDeliveryAsync(from, e => e.ActivityName == "conversationUpdate", "conversationUpdate");
        return await CollectTurnAsync(from, [membersAdded], "install in the team");
    }

    /// <summary>Waits for the chat to show a message that matches (bot messages sent outside a user's turn, e.g. proactive ones).</summary>
    public async Task<RenderedMessage> WaitForMessageAsync(Func<RenderedMessage, bool> match, string what)
    {
        var index = await Conversations.WaitForAsync(
            0,
            frame => new RenderedMessage(frame) is { Action: "createMessage" } m && match(m),
            TurnTimeout,
            () => $"The chat never showed {what}.\nchat frames:\n  {string.Join("\n  ", Conversations.Snapshot().TakeLast(8).Select(f => f.ToJsonString() is { Length: > 400 } j ? j[..400] : f.ToJsonString()))}\n{Diagnostics(0)}",
            Cancellation);
        return new RenderedMessage(Conversations.Snapshot()[index]);
    }

    /// <summary>
    /// The signed-in user types <paramref name="text"/> in a chat or channel (a channel message starts a new thread),
    /// optionally @mentioning the bot the way the Teams compose box does ("&lt;at&gt;Bot&lt;/at&gt; " + a mention entity).
    /// </summary>
    public Task<TeamsTurn> SendAsync(string conversationId, string text, bool mentionBot = false) =>
        SendAsync(conversationId, text, mentionBot, []);

    /// <summary>As <see cref="SendAsync(string, string, bool)"/>, also @mentioning other people of the chat by name.</summary>
    public async Task<TeamsTurn> SendAsync(string conversationId, string text, bool mentionBot, IReadOnlyList<(string Id, string Name)> mentionUsers)
    {
        var from = Log.Count;
        var userMentions = string.Concat(mentionUsers.Select(u => $"<at>{u.Name}</at> "));
        var sentText = (mentionBot ? $"{ClinicTenant.BotMentionText} " : string.Empty) + userMentions + text;
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = ClinicTenant.CurrentUserId },
            ["text"] = sentText,
            ["textFormat"] = "plain",
        };
        var mentions = new JsonArray();
        if (mentionBot)
        {
            mentions.Add(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = ClinicTenant.BotId },
                ["text"] = ClinicTenant.BotMentionText,
            });
        }

        foreach (var (id, name) in mentionUsers)
        {
            mentions.Add(new JsonObject { ["mentioned"] = new JsonObject { ["id"] = id }, ["text"] = $"<at>{name}</at>" });
        }

        if (mentions.Count > 0)
        {
            body["mentions"] = mentions;
        }

        var response = await PostAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        var thread = response?["postConversationId"]?.GetValue<string>() ?? conversationId;
        _output.WriteLine($"[{Describe(thread)}] user: {sentText}");
        var delivered = await WaitForDeliveryAsync(from, e => e.ActivityName == "message" && e.ConversationId == thread && e.Activity?["text"]?.GetValue<string>() == sentText, $"the message \"{sentText}\"");
        return await CollectTurnAsync(from, [delivered], sentText);
    }

    /// <summary>
    /// Sends the message but expects the playground NOT to deliver it (as Teams does not deliver un-mentioned group
    /// messages); returns after a mentioned follow-up in the same chat was answered, with everything the bot sent in
    /// between, so a reply to the first message would show up.
    /// </summary>
    public async Task<(TeamsTurn Unmentioned, TeamsTurn FollowUp)> SendWithoutMentionThenWithMentionAsync(string conversationId, string text, string followUp)
    {
        var from = Log.Count;
        await PostAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = ClinicTenant.CurrentUserId },
            ["text"] = text,
            ["textFormat"] = "plain",
        });
        _output.WriteLine($"[{Describe(conversationId)}] user (no mention): {text}");
        var second = await SendAsync(conversationId, followUp, mentionBot: true);

        // Everything up to the end of the follow-up's turn, less the follow-up's own replies (they answer its id).
        var followUpId = second.Delivered[0].Activity?["id"]?.GetValue<string>();
        var between = Entries(from).Where(e => e.Index < second.Delivered[0].Index).ToList();
        var firstTurn = new TeamsTurn(
            [.. between.Where(e => e.IsToBot && e.Activity?["text"]?.GetValue<string>() == text)],
            await ToRepliesAsync(between.Where(e => e.IsFromBot && (followUpId is null || e.Activity?["replyToId"]?.GetValue<string>() != followUpId))));
        return (firstTurn, second);
    }

    /// <summary>The user presses an Adaptive Card Action.Submit button on the bot's message <paramref name="replyToId"/>.</summary>
    public async Task<TeamsTurn> SubmitAsync(string conversationId, string replyToId, JsonObject value)
    {
        var from = Log.Count;
        await PostAsync("/_conversation/v1/submit", new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = ClinicTenant.CurrentUserId },
            ["replyToId"] = replyToId,
            ["value"] = value,
        });
        _output.WriteLine($"[{Describe(conversationId)}] user presses a card button: {value.ToJsonString()}");
        var delivered = await WaitForDeliveryAsync(from, e => e.ActivityName == "message" && e.ConversationId == conversationId && e.Activity?["value"] is not null, "the card submit");
        return await CollectTurnAsync(from, [delivered], "card submit");
    }

    /// <summary>
    /// A message activity as the playground would deliver it from the signed-in user in the personal chat (the shape of
    /// its custom-activity template), for tests that alter it and send it with <see cref="SendCustomActivityAsync"/>.
    /// </summary>
    public JsonObject PersonalChatMessage(string text) => new()
    {
        ["type"] = "message",
        ["id"] = $"e2e-custom-{Interlocked.Increment(ref _customActivities)}-{Guid.NewGuid():N}",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = new Uri(Playground.BaseAddress, "/_connector").ToString(),
        ["from"] = new JsonObject { ["id"] = ClinicTenant.CurrentUserId, ["name"] = ClinicTenant.CurrentUserName },
        ["recipient"] = new JsonObject { ["id"] = ClinicTenant.BotId, ["name"] = ClinicTenant.BotName },
        ["conversation"] = new JsonObject
        {
            ["id"] = ClinicTenant.PersonalChatId,
            ["conversationType"] = "personal",
            ["tenantId"] = ClinicTenant.TenantId,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = ClinicTenant.TenantId } },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
    };

    /// <summary>A message from the signed-in user in the group chat, without any mention (see <see cref="PersonalChatMessage"/>).</summary>
    public JsonObject GroupChatMessage(string text)
    {
        var message = PersonalChatMessage(text);
        message["conversation"] = new JsonObject
        {
            ["id"] = ClinicTenant.GroupChatId,
            ["conversationType"] = "groupChat",
            ["isGroup"] = true,
            ["tenantId"] = ClinicTenant.TenantId,
        };
        return message;
    }

    /// <summary>A message from the signed-in user in a channel thread, without any mention (see <see cref="PersonalChatMessage"/>).</summary>
    public JsonObject ChannelThreadMessage(string threadId, string text)
    {
        var channelId = threadId.Split(";messageid=")[0];
        var message = PersonalChatMessage(text);
        message["conversation"] = new JsonObject
        {
            ["id"] = threadId,
            ["conversationType"] = "channel",
            ["isGroup"] = true,
            ["tenantId"] = ClinicTenant.TenantId,
        };
        message["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = ClinicTenant.TenantId },
            ["team"] = new JsonObject { ["id"] = ClinicTenant.TeamId },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
        return message;
    }

    /// <summary>
    /// The playground's "Mock an Activity → custom activity": the JSON is delivered to the bot verbatim (it must carry
    /// an "id"; <see cref="PersonalChatMessage"/> sets one).
    /// </summary>
    public async Task<TeamsTurn> SendCustomActivityAsync(JsonObject activity)
    {
        var id = activity["id"]?.GetValue<string>() ?? throw new ArgumentException("The custom activity needs an id.", nameof(activity));
        var from = Log.Count;
        await PostAsync("/_internal/v1/customActivities", activity);
        _output.WriteLine($"[custom activity] {activity["type"]} \"{activity["text"]}\" tenant {activity["channelData"]?["tenant"]?["id"]}");
        var delivered = await WaitForDeliveryAsync(from, e => e.Activity?["id"]?.GetValue<string>() == id, $"the custom activity {id}");
        return await CollectTurnAsync(from, [delivered], $"custom activity {id}");
    }

    /// <summary>
    /// One of the playground's "Mock an Activity" events (install, uninstall, botAdded, userAdded, channelRenamed, ...)
    /// for <paramref name="conversationId"/>, exactly as the playground builds it; send it with
    /// <see cref="SendCustomActivityAsync"/>.
    /// </summary>
    public async Task<JsonObject> MockActivityAsync(string conversationId, string type)
    {
        var query = $"?conversationId={Uri.EscapeDataString(conversationId)}&type={Uri.EscapeDataString(type)}";
        var template = await _http.GetFromJsonAsync<JsonObject>("/_internal/v1/customActivities/template" + query, Cancellation);
        return template ?? throw new InvalidOperationException($"The playground has no '{type}' activity for {conversationId}.");
    }

    /// <summary>Messages the chat shows in <paramref name="conversationId"/> so far (user messages sent by tests are not echoed).</summary>
    public IReadOnlyList<RenderedMessage> RenderedIn(string conversationId) =>
        [.. Conversations.Snapshot().Select(f => new RenderedMessage(f)).Where(m => m.Action == "createMessage" && m.ConversationId == conversationId)];

    private async Task<JsonNode?> PostAsync(string path, JsonObject body)
    {
        using var response = await _http.PostAsJsonAsync(path, body, Cancellation);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The playground refused POST {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text) : null;
    }

    private async Task<PlaygroundLogEntry> WaitForDeliveryAsync(int from, Func<PlaygroundLogEntry, bool> match, string what)
    {
        var index = await Log.WaitForAsync(
            from,
            frame => new PlaygroundLogEntry(-1, frame) is { IsToBot: true } entry && match(entry),
            TurnTimeout,
            () => $"Waiting for the bot to answer {what}.\n{Diagnostics(from)}",
            Cancellation);
        return new PlaygroundLogEntry(index, Log.Snapshot()[index]);
    }

    private async Task<TeamsTurn> CollectTurnAsync(int from, IReadOnlyList<PlaygroundLogEntry> delivered, string what)
    {
        var end = delivered.Max(d => d.Index);
        var replies = await ToRepliesAsync(Entries(from).Where(e => e.Index < end && e.IsFromBot));
        foreach (var reply in replies.Where(r => r.IsMessage))
        {
            _output.WriteLine($"[{Describe(reply.ConversationId)}] bot{(reply.Importance is { } importance ? $" ({importance})" : string.Empty)}: {reply.VisibleText.ReplaceLineEndings(" / ")}");
        }

        foreach (var d in delivered.Where(d => d.StatusCode is not (200 or 201 or 202)))
        {
            _output.WriteLine($"[{Describe(d.ConversationId ?? string.Empty)}] bot answered {d.ActivityName} with HTTP {d.StatusCode}");
        }

        return new TeamsTurn(delivered, replies);
    }

    private IEnumerable<PlaygroundLogEntry> Entries(int from) =>
        Log.Snapshot().Select((frame, index) => new PlaygroundLogEntry(index, frame)).Skip(from);

    /// <summary>Pairs each bot → connector call with the message the chat shows for it (matched by the id the connector gave).</summary>
    private async Task<IReadOnlyList<BotReply>> ToRepliesAsync(IEnumerable<PlaygroundLogEntry> calls)
    {
        var replies = new List<BotReply>();
        foreach (var call in calls)
        {
            if (call.Activity is not { } activity || call.ActivityName is not ("message" or "typing" or "event" or "endOfConversation"))
            {
                continue;
            }

            RenderedMessage? rendered = null;
            if (call.ActivityName == "message" && call.StatusCode is 200 or 201 && call.ResponseBody?["id"]?.GetValue<string>() is { } messageId)
            {
                var index = await Conversations.WaitForAsync(
                    0,
                    frame => new RenderedMessage(frame) is { Action: "createMessage" } m && m.MessageId == messageId,
                    TurnTimeout,
                    () => $"The playground accepted the bot's message {messageId} but its chat did not show it.\n{Diagnostics(0)}",
                    Cancellation);
                rendered = new RenderedMessage(Conversations.Snapshot()[index]);
            }

            replies.Add(new BotReply(activity, call.StatusCode, call.ConversationId ?? string.Empty, rendered));
        }

        return replies;
    }

    private string Diagnostics(int from)
    {
        var entries = Entries(Math.Max(0, from - 5)).Select(e => "  " + e);
        return "log panel:\n" + string.Join("\n", entries)
            + "\nhost warnings:\n  " + string.Join("\n  ", Bot.Log.TakeLast(20))
            + "\n" + Playground.Describe();
    }

    private static string Describe(string conversationId) => conversationId switch
    {
        ClinicTenant.PersonalChatId => "personal chat",
        ClinicTenant.GroupChatId => "group chat",
        _ when conversationId.StartsWith(ClinicTenant.InjectionsChannelId, StringComparison.Ordinal) => "channel B12 Injections" + (conversationId.Contains(";messageid=", StringComparison.Ordinal) ? " thread" : string.Empty),
        _ when conversationId.StartsWith(ClinicTenant.TeamId, StringComparison.Ordinal) => "channel General" + (conversationId.Contains(";messageid=", StringComparison.Ordinal) ? " thread" : string.Empty),
        _ => conversationId,
    };

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Log.DisposeAsync();
        await Conversations.DisposeAsync();
        await Playground.DisposeAsync();
        await Bot.DisposeAsync();
        _lifetime.Dispose();
    }
}

using System.Net;
using System.Text;
using System.Text.Json;
using B12Bot.Tests.Support;
using BotRuntime.Schema;
using BotRuntime.Storage;

namespace B12Bot.Tests;

/// <summary>The privacy and operations contract of the real host: logs and metrics without message text, health and readiness, deletion.</summary>
public sealed class PrivacyAndOperationsTests
{
    // Words a visitor might type that appear nowhere in the content, the code or the logs' own vocabulary.
    private static readonly string[] VisitorWords = ["Zorblatt", "Quimbyfarn", "Plonkett", "Vexaria", "Jindrow", "Mulberrix", "Trosk"];

    [Fact]
    public async Task A_full_conversation_at_debug_level_leaves_no_visitor_words_in_logs_or_metrics()
    {
        // Everything at Debug and below, the framework's categories included (appsettings.json says Information).
        await using var bot = await RunningBot.StartAsync("--Logging:LogLevel:Default", "Trace", "--Logging:LogLevel:Microsoft.AspNetCore", "Trace",
            "--Logging:LogLevel:Microsoft.Extensions.Http", "Trace", "--Logging:LogLevel:System.Net.Http.HttpClient", "Trace");
        const string conversation = "phi-scan-1";
        string[] messages =
        [
            "hi, I'm Zorblatt Quimbyfarn",
            "are b12 injections safe for Zorblatt?",
            "what about Plonkett side effects",
            "check my symptoms",
            "no, never, only Vexaria once",
            "no",
            "I feel Jindrow tingling in my feet",
            "not sure, Mulberrix",
            "my number is 555-201-7788 and I was born 03/14/1961, Trosk",
            "cancel",
            "what is Vexaria Jindrow",
            "delete my data",
            "yes",
        ];
        foreach (var message in messages)
        {
            await bot.SayAsync(message, conversation);
        }

        // Card values and malformed bodies carry visitor words too; a parse error must not quote them.
        var card = Turns.Message(null, conversation);
        card.Value = JsonDocument.Parse("""{"answer":"Plonkett Mulberrix"}""").RootElement.Clone();
        await bot.SendAsync(card);
        foreach (var body in new[] { "{\"type\":\"message\",\"text\":\"Zorblatt", "{\"type\":\"message\",\"text\":Quimbyfarn}", "{\"type\":\"message\",\"text\":\"Trosk\",\"timestamp\":\"Vexaria\"}" })
        {
            using var response = await bot.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        var metrics = await bot.Client.GetStringAsync("/metrics");

        Assert.Contains(bot.Logs.Entries, e => e.Contains("routed as", StringComparison.Ordinal));
        Assert.Contains("b12bot_questions", metrics, StringComparison.Ordinal);
        foreach (var word in VisitorWords.Append("555-201-7788").Append("03/14/1961"))
        {
            var leaks = bot.Logs.Entries.Where(entry => entry.Contains(word, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaks.Count == 0, $"\"{word}\" was logged:\n{string.Join('\n', leaks)}");
            Assert.DoesNotContain(word, metrics, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Metrics_count_answers_clarifications_and_escalations_by_class_without_text()
    {
        await using var bot = await RunningBot.StartAsync();

        await bot.SayAsync("are b12 injections safe?", "metrics-1");
        await bot.SayAsync("my lips are swelling and I can't breathe", "metrics-2");
        await bot.SayAsync("check my symptoms", "metrics-3");
        var metrics = await bot.Client.GetStringAsync("/metrics");

        Assert.Matches("b12bot_questions_total\\{[^}]*outcome=\"answered\"", metrics);
        Assert.Matches("b12bot_escalations_total\\{[^}]*class=\"emergency\"", metrics);
        Assert.Matches("b12bot_walkthrough_total\\{[^}]*event=\"started\"", metrics);
        Assert.Contains("bot_turns_total", metrics, StringComparison.Ordinal);
        Assert.Contains("bot_turn_duration", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liveness_and_readiness_answer_and_readiness_fails_while_the_store_is_down()
    {
        var store = new SwitchableStorage(new MemoryStorage());
        await using var bot = await RunningBot.StartAsync(builder => builder.Services.AddSingleton<IStorage>(store));

        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/readyz")).StatusCode);

        store.Down = true;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await bot.Client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/healthz")).StatusCode);

        store.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await bot.Client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Delete_user_data_through_the_host_empties_the_sqlite_store_for_that_user_only()
    {
        var folder = Directory.CreateTempSubdirectory("b12-forget-").FullName;
        try
        {
            await using var bot = await RunningBot.StartAsync("--BotState:Provider", "Sqlite", "--BotState:SqlitePath", Path.Combine(folder, "state.db"));
            await bot.SayAsync("check my symptoms", "forget-1");
            await bot.SayAsync("check my symptoms", "keep-1");
            var storage = bot.Services.GetRequiredService<IStorage>();
            Assert.Equal(2, (await storage.ReadAsync(["webchat/conversations/forget-1", "webchat/conversations/keep-1"])).Count);

            var delete = Turns.Message(null, "forget-1");
            delete.Type = ActivityTypes.DeleteUserData;
            var replies = await bot.SendAsync(delete);

            Assert.Contains("deleted", Turns.Text(replies), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(["webchat/conversations/keep-1"], (await storage.ReadAsync(["webchat/conversations/forget-1", "webchat/conversations/keep-1"])).Keys);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_welcome_links_the_configured_privacy_notice_and_a_bad_address_stops_the_host()
    {
        await using (var bot = await RunningBot.StartAsync("--B12Bot:PrivacyNoticeUrl", "https://clinic.example/privacy"))
        {
            var update = Turns.Message(null, "notice-1");
            update.Type = ActivityTypes.ConversationUpdate;
            update.MembersAdded = [new ChannelAccount("visitor-1")];
            var welcome = Assert.Single(await bot.SendAsync(update));
            Assert.Contains("(https://clinic.example/privacy)", welcome.Text, StringComparison.Ordinal);
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningBot.StartAsync("--B12Bot:PrivacyNoticeUrl", "javascript:alert(1)"));
        Assert.Contains("PrivacyNoticeUrl", error.Message, StringComparison.Ordinal);
    }

    private sealed class SwitchableStorage(IStorage inner) : IStorage
    {
        public volatile bool Down;

        public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Down ? throw new IOException("store down") : inner.ReadAsync(keys, cancellationToken);

        public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default) =>
            Down ? throw new IOException("store down") : inner.WriteAsync(changes, cancellationToken);

        public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) =>
            Down ? throw new IOException("store down") : inner.DeleteAsync(keys, cancellationToken);
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using B12Bot.Hosting;
using B12Bot.Tests.Support;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Tests.Security;

/// <summary>
/// Finding 9: what the chat page tells visitors about how long their conversation is kept, the default
/// BotState:IdleTimeout and what the retention sweep actually removes all agree.
/// </summary>
public sealed partial class RetentionTests
{
    [Fact]
    public void The_page_promises_the_default_idle_timeout()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "B12Bot", "wwwroot", "index.html"));

        var promise = DeletedAfter().Match(Regex.Replace(page, @"\s+", " "));

        Assert.True(promise.Success, "The page should say how many minutes after the last message the conversation is deleted.");
        Assert.Equal(new BotStateStorageOptions().IdleTimeout, TimeSpan.FromMinutes(int.Parse(promise.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    public async Task The_sweep_removes_a_symptom_check_and_its_website_history_once_idle_for_the_promised_time_and_not_before(string provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var folder = Directory.CreateTempSubdirectory("b12-retention-");
        try
        {
            await using var bot = await RunningBot.StartAsync(
                builder => builder.Services.AddSingleton<TimeProvider>(clock),
                "--BotState:Provider", provider, "--BotState:SqlitePath", Path.Combine(folder.FullName, "state.db"));
            var idle = bot.Services.GetRequiredService<IOptions<BotStateStorageOptions>>().Value.IdleTimeout;
            Assert.Equal(idle, bot.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.History.ConversationIdleTimeout);

            await bot.SayAsync("check my symptoms", "retention-1");
            var web = await StartWebsiteConversationAsync(bot);
            var storage = bot.Services.GetRequiredService<IStorage>();
            var history = (MemoryConversationHistoryStore)bot.Services.GetRequiredService<IConversationHistoryStore>();
            const string StateKey = "webchat/conversations/retention-1";
            Assert.Single(await storage.ReadAsync([StateKey]));
            Assert.True(history.Count >= 1);

            await AdvanceAndSweepAsync(bot, clock, idle - TimeSpan.FromMinutes(2));
            Assert.Single(await storage.ReadAsync([StateKey]));
            Assert.True(history.Count >= 1);

            await AdvanceAndSweepAsync(bot, clock, TimeSpan.FromMinutes(3));
            Assert.Empty(await storage.ReadAsync([StateKey]));
            Assert.Empty(await storage.ReadAsync([$"webchat/conversations/{web}"]));
            Assert.Equal(0, history.Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task AdvanceAndSweepAsync(RunningBot bot, FakeTimeProvider clock, TimeSpan by)
    {
        var sweeper = bot.Services.GetRequiredService<RetentionSweepService>();
        var before = sweeper.CompletedSweeps;
        clock.Advance(by);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (sweeper.CompletedSweeps == before && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.True(sweeper.CompletedSweeps > before, "The sweep should run when its interval has passed.");
    }

    private static async Task<string> StartWebsiteConversationAsync(RunningBot bot)
    {
        using var tokenResponse = await bot.Client.PostAsync("/webchat/token", null);
        var issued = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new("Bearer", issued["token"]!.GetValue<string>());
        using var started = await bot.Client.SendAsync(start);
        started.EnsureSuccessStatusCode();
        return issued["conversationId"]!.GetValue<string>();
    }

    [GeneratedRegex(@"deleted (\d+) minutes after your last message", RegexOptions.IgnoreCase)]
    private static partial Regex DeletedAfter();
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using B12Bot.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Tests.Handoff;

/// <summary>
/// Issue 13 at the protocol level: the real host, a visitor on its Direct Line channel, and the clinic's Teams channel
/// played by a fake Bot Connector that records what the bot posts, with Teams' activities sent as Teams sends them.
/// </summary>
public sealed class HandoffProtocolTests : IAsyncLifetime
{
    private HandoffClinic _clinic = null!;

    private FakeTeamsConnector Teams => _clinic.Teams;

    private RunningBot Bot => _clinic.Bot;

    public async Task InitializeAsync() =>
        _clinic = await HandoffClinic.StartAsync(null, "--Handoff:ClinicPhone", "(555) 010-0199", "--Handoff:SweepInterval", "00:00:01");

    public async Task DisposeAsync() => await _clinic.DisposeAsync();

    [Fact]
    public async Task A_visitor_reaches_a_nurse_in_the_clinic_channel_and_an_emergency_mid_chat_reaches_both()
    {
        // The clinic installs the bot in its team: the bot learns the channel's serviceUrl and tenant.
        await _clinic.InstallAsync();

        // A visitor asks a question (with markup in it), then for a person, and agrees to share.
        var visitor = await _clinic.VisitorAsync();
        const string question = "are b12 shots safe for me? **bold** [click](http://evil.example) <b>x</b>";
        await visitor.SayAsync(question);
        var consent = DirectLineVisitor.Text(await visitor.SayAsync("I'd like to talk to a nurse"));
        Assert.Contains("What I'll share", consent);
        Assert.DoesNotContain(Teams.Calls, c => c.Path == "/v3/conversations");
        var requested = DirectLineVisitor.Text(await visitor.SayAsync("yes"));
        Assert.Contains("Someone should be with you within about 5 minutes", requested);

        // A new thread in the configured clinic channel, with the question as plain text and a submit button.
        var thread = await Teams.WaitForAsync(c => c.Method == "POST" && c.Path == "/v3/conversations", "a new thread");
        Assert.Equal(TeamsActivities.ClinicChannelId, thread.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsActivities.TenantId, thread.Body!["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Contains(question, thread.TextRuns);
        Assert.DoesNotContain(thread.TextBlocks, t => t.Contains("evil.example", StringComparison.Ordinal) || t.Contains("b12 shots", StringComparison.Ordinal));
        var take = Assert.Single(thread.Actions);
        Assert.Equal("Take this conversation", take["title"]!.GetValue<string>());
        var data = take["data"]!.AsObject();
        var threadId = $"{TeamsActivities.ClinicChannelId};messageid={FakeTeamsConnector.ThreadRootId}";

        // A nurse presses the button: Teams sends a message with the submitted data as value.
        await _clinic.PostTeamsAsync(TeamsActivities.Submit(Teams.ServiceUrl, threadId, FakeTeamsConnector.ThreadRootId, data));
        var joined = DirectLineVisitor.Text(await visitor.WaitForNewAsync());
        Assert.Contains("Anna (Clinic team) has joined the chat", joined);
        var update = await Teams.WaitForAsync(c => c.Method == "PUT", "the card updated");
        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(threadId)}/activities/{FakeTeamsConnector.ThreadRootId}", update.Path);
        Assert.Contains(update.TextBlocks, t => t.StartsWith("Taken by Anna", StringComparison.Ordinal));

        // The nurse writes in the thread, mentioning the bot: the visitor reads it without the mention, as plain text.
        await _clinic.PostTeamsAsync(TeamsActivities.StaffMessage(Teams.ServiceUrl, threadId, "Hi, I'm Anna, a nurse here. How can I help?"));
        var staffMessage = Assert.Single(await visitor.WaitForNewAsync());
        Assert.Equal("Anna (Clinic team): Hi, I'm Anna, a nurse here. How can I help?", staffMessage["text"]!.GetValue<string>());
        Assert.Equal("plain", staffMessage["textFormat"]!.GetValue<string>());

        // The visitor's reply appears in the thread, and the bot does not answer it itself.
        var callsBefore = Teams.Calls.Count;
        var botReplies = await visitor.SayAsync("Is it normal to feel tired after the injection?");
        Assert.Empty(botReplies);
        var relayed = await Teams.WaitForAsync(c => c.Method == "POST" && c.TextRuns.Contains("Is it normal to feel tired after the injection?"), "the visitor's reply");
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(threadId)}/activities", relayed.Path);

        // An emergency mid-chat: the visitor gets the urgent message in this very turn, the thread an urgent alert.
        var urgent = DirectLineVisitor.Text(await visitor.SayAsync("my throat is swelling and I can't breathe"));
        Assert.Contains("911", urgent);
        var alert = await Teams.WaitForAsync(c => c.Method == "POST" && c.Body?["importance"]?.GetValue<string>() == "high" && c.Body?["text"] is not null, "an urgent alert");
        Assert.True(alert.Body!["channelData"]!["notification"]!["alert"]!.GetValue<bool>());
        Assert.StartsWith("URGENT", alert.Body!["text"]!.GetValue<string>());
        await Teams.WaitForAsync(c => c.TextRuns.Contains("my throat is swelling and I can't breathe"), "the emergency message itself");

        // The chat goes on after the emergency, and the visitor can end it.
        var ended = DirectLineVisitor.Text(await visitor.SayAsync("end chat"));
        Assert.Contains("You've left the chat with the clinic team", ended);
        await Teams.WaitForAsync(c => c.Body?["text"]?.GetValue<string>() == "The visitor ended the chat and has left.", "the visitor's leaving");

        // Message text never reaches the logs.
        foreach (var text in new[] { "b12 shots safe", "talk to a nurse", "How can I help", "feel tired", "throat is swelling" })
        {
            Assert.DoesNotContain(Bot.Logs.Entries, e => e.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Action_execute_claims_once_and_a_second_nurse_sees_who_took_it()
    {
        await _clinic.InstallAsync();
        var visitor = await _clinic.VisitorAsync();
        await visitor.SayAsync("speak to a nurse");
        await visitor.SayAsync("yes");
        var thread = await Teams.WaitForAsync(c => c.Path == "/v3/conversations", "a new thread");
        var sessionId = Assert.Single(thread.Actions)["data"]!["sessionId"]!.GetValue<string>();
        var threadId = $"{TeamsActivities.ClinicChannelId};messageid={FakeTeamsConnector.ThreadRootId}";

        using var first = await Bot.Client.PostAsJsonAsync("/api/messages",
            TeamsActivities.Execute(Teams.ServiceUrl, threadId, FakeTeamsConnector.ThreadRootId, "handoff.take", sessionId, "Ben Jones"), BotJsonContext.Default.Activity);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = (await first.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Contains("Taken by Ben", body["value"]!.ToJsonString());
        Assert.Contains("Ben (Clinic team) has joined the chat", DirectLineVisitor.Text(await visitor.WaitForNewAsync()));

        // A second nurse presses the (older) card's button: told who has it; the visitor hears nothing new.
        await _clinic.PostTeamsAsync(TeamsActivities.Submit(Teams.ServiceUrl, threadId, FakeTeamsConnector.ThreadRootId,
            new JsonObject { ["handoff"] = "take", ["sessionId"] = sessionId }, staffName: "Cara Lee"));
        await Teams.WaitForAsync(c => c.Body?["text"]?.GetValue<string>() == "Ben has already taken this conversation.", "the already-taken note");
        Assert.Empty(await visitor.ReadNewAsync());

        // The nurse ends it in the thread: the visitor is told and is back with the bot.
        await _clinic.PostTeamsAsync(TeamsActivities.StaffMessage(Teams.ServiceUrl, threadId, "end chat", "Ben Jones"));
        Assert.Contains("Ben (Clinic team) has ended the chat", DirectLineVisitor.Text(await visitor.WaitForNewAsync()));
        var answer = DirectLineVisitor.Text(await visitor.SayAsync("are b12 injections safe?"));
        Assert.DoesNotContain("passed that on", answer);
        Assert.NotEmpty(answer);
    }

    [Fact]
    public async Task Nobody_takes_it_in_time_so_the_visitor_is_offered_a_callback_and_the_thread_is_told()
    {
        await _clinic.InstallAsync();
        var visitor = await _clinic.VisitorAsync();
        await visitor.SayAsync("talk to a person");
        await visitor.SayAsync("yes");
        await Teams.WaitForAsync(c => c.Path == "/v3/conversations", "a new thread");

        _clinic.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(2));
        var offer = Assert.Single(await visitor.WaitForNewAsync());
        Assert.Contains("nobody from the clinic team could join in time", offer["text"]!.GetValue<string>());
        Assert.Contains("(555) 010-0199", offer["text"]!.GetValue<string>());
        await Teams.WaitForAsync(c => c.Body?["text"]?.GetValue<string>()?.Contains("The visitor has left this chat", StringComparison.Ordinal) == true, "the visitor-left note");

        // The visitor leaves an email for a callback, with consent: it reaches the thread, literally.
        Assert.Contains("phone number or email", DirectLineVisitor.Text(await visitor.SayAsync("Leave my number or email")));
        Assert.Contains("doesn't look like", DirectLineVisitor.Text(await visitor.SayAsync("my arm hurts")));
        Assert.Contains("kept for at most 7 days", DirectLineVisitor.Text(await visitor.SayAsync("pat@example.org")));
        Assert.Contains("The clinic team will contact you", DirectLineVisitor.Text(await visitor.SayAsync("yes")));
        await Teams.WaitForAsync(c => c.TextRuns.Contains("pat@example.org"), "the callback contact");
        Assert.DoesNotContain(Bot.Logs.Entries, e => e.Contains("pat@example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Saying_no_shares_nothing_and_before_installation_the_visitor_gets_the_clinic_number()
    {
        var visitor = await _clinic.VisitorAsync();
        Assert.Contains("call the clinic at (555) 010-0199", DirectLineVisitor.Text(await visitor.SayAsync("talk to a person")));

        await _clinic.InstallAsync();
        await visitor.SayAsync("can I speak to someone about my results");
        Assert.Contains("I haven't shared anything", DirectLineVisitor.Text(await visitor.SayAsync("no")));
        Assert.DoesNotContain(Teams.Calls, c => c.Path == "/v3/conversations");
    }

    [Fact]
    public async Task Two_handoffs_at_once_each_go_to_their_own_thread_and_visitor()
    {
        await _clinic.InstallAsync();
        var first = await _clinic.VisitorAsync();
        var second = await _clinic.VisitorAsync();
        await first.SayAsync("talk to a person");
        await second.SayAsync("speak to a nurse");
        await first.SayAsync("yes");
        await second.SayAsync("yes");
        await Teams.WaitForAsync(c => c.Path == "/v3/conversations" && Teams.Calls.Count(x => x.Path == "/v3/conversations") == 2, "two threads");
        var threads = Teams.Calls.Where(c => c.Path == "/v3/conversations").ToList();
        var roots = new[] { FakeTeamsConnector.ThreadRootId, (long.Parse(FakeTeamsConnector.ThreadRootId, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        string ThreadOf(int i) => $"{TeamsActivities.ClinicChannelId};messageid={roots[i]}";

        // Two nurses take one each (in the order the threads were created).
        await _clinic.PostTeamsAsync(TeamsActivities.Submit(Teams.ServiceUrl, ThreadOf(0), roots[0], Assert.Single(threads[0].Actions)["data"]!.AsObject(), "Anna Smith"));
        await _clinic.PostTeamsAsync(TeamsActivities.Submit(Teams.ServiceUrl, ThreadOf(1), roots[1], Assert.Single(threads[1].Actions)["data"]!.AsObject(), "Ben Jones"));
        Assert.Contains("Anna (Clinic team) has joined", DirectLineVisitor.Text(await first.WaitForNewAsync()));
        Assert.Contains("Ben (Clinic team) has joined", DirectLineVisitor.Text(await second.WaitForNewAsync()));

        await _clinic.PostTeamsAsync(TeamsActivities.StaffMessage(Teams.ServiceUrl, ThreadOf(1), "Message for the second visitor", "Ben Jones"));
        Assert.Equal("Ben (Clinic team): Message for the second visitor", DirectLineVisitor.Text(await second.WaitForNewAsync()));
        Assert.Empty(await first.ReadNewAsync());

        await first.SayAsync("A question from the first visitor");
        var relayed = await Teams.WaitForAsync(c => c.TextRuns.Contains("A question from the first visitor"), "the first visitor's message");
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(ThreadOf(0))}/activities", relayed.Path);
    }

    [Fact]
    public async Task The_clinic_channel_learned_at_installation_survives_a_restart()
    {
        var database = Path.Combine(Path.GetTempPath(), $"b12bot-handoff-{Guid.NewGuid():N}.db");
        string[] settings =
        [
            "--Handoff:ClinicPhone", "(555) 010-0199",
            "--BotState:Provider", "Sqlite", "--BotState:SqlitePath", database,
        ];
        try
        {
            await using (var first = await _clinic.StartBotAsync(null, settings))
            {
                await _clinic.InstallAsync(first);
            }

            await using var second = await _clinic.StartBotAsync(null, settings);
            var visitor = await _clinic.VisitorAsync(second);
            await visitor.SayAsync("talk to a person");
            Assert.Contains("Someone should be with you", DirectLineVisitor.Text(await visitor.SayAsync("yes")));

            // No channel id configured: the thread goes to the channel the bot was installed from.
            var thread = await Teams.WaitForAsync(c => c.Path == "/v3/conversations", "a new thread");
            Assert.Equal(TeamsActivities.TeamId, thread.Body!["channelData"]!["channel"]!["id"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }
}

using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>The bot in the clinic team's "B12 Injections" channel.</summary>
public sealed class ChannelTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task A_channel_post_that_mentions_the_bot_is_answered_in_the_same_thread()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.InjectionsChannelId, "are b12 shots safe?", mentionBot: true);

        TeamsAssert.Accepted(turn);
        var thread = Assert.Single(turn.Delivered).ConversationId!;
        Assert.StartsWith(ClinicTenant.InjectionsChannelId + ";messageid=", thread, StringComparison.Ordinal);
        var delivered = turn.Delivered[0].Activity!;
        Assert.Equal(ClinicTenant.TeamId, delivered["channelData"]!["team"]!["id"]!.GetValue<string>());
        Assert.Equal(ClinicTenant.InjectionsChannelId, delivered["channelData"]!["channel"]!["id"]!.GetValue<string>());

        var answer = turn.Messages[0];
        TeamsAssert.ShowsInChat(answer, thread);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
        Assert.All(turn.Messages, m => Assert.Equal(thread, m.ConversationId));
    }

    [Fact(Timeout = 60_000)]
    public async Task An_emergency_described_in_a_channel_gets_the_urgent_care_message_in_that_thread()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.InjectionsChannelId, "a patient says her throat is swelling after the injection", mentionBot: true);

        TeamsAssert.Accepted(turn);
        var urgent = turn.Messages[0];
        TeamsAssert.ShowsInChat(urgent, turn.Delivered[0].ConversationId!);
        Assert.Contains($"Call {ClinicContent.EmergencyNumber}", ClinicContent.Normalize(urgent.Text), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("high", urgent.Importance);
        Assert.True(urgent.NotificationAlert);
    }
}

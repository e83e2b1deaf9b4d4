using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>A clinic employee chats with the bot one-to-one in Teams.</summary>
public sealed class PersonalChatTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task Installing_the_bot_sends_exactly_one_welcome_that_says_it_is_an_automated_assistant()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var install = await teams.InstallInPersonalChatAsync();

        TeamsAssert.Accepted(install);
        // installationUpdate and conversationUpdate both arrive, yet the welcome is said once. Its topic choices may
        // come as a separate card of buttons (Teams splits text and cards; more than 3 choices become a card).
        var welcome = Assert.Single(install.Messages, m => m.Text.Length > 0);
        TeamsAssert.ShowsInChat(welcome, ClinicTenant.PersonalChatId);
        Assert.Contains("automated", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("assistant", welcome.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a clinician", ClinicContent.Normalize(welcome.Text), StringComparison.OrdinalIgnoreCase);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.Text("welcome")), welcome);
        Assert.All(install.Messages.Where(m => m != welcome), card =>
        {
            TeamsAssert.ShowsInChat(card, ClinicTenant.PersonalChatId);
            Assert.NotEmpty(card.CardButtons);
            Assert.DoesNotContain("automated", card.VisibleText, StringComparison.OrdinalIgnoreCase);
        });
        var offered = install.Messages.SelectMany(m => m.CardButtons.Select(b => b.Title).Concat(m.SuggestedActions.Select(a => a?["title"]?.GetValue<string>()))).OfType<string>();
        Assert.Subset(offered.ToHashSet(), ClinicContent.MainTopics.Select(ClinicContent.FaqTitle).ToHashSet());
        Assert.Equal(1, teams.RenderedIn(ClinicTenant.PersonalChatId).Count(m => m.FromId == ClinicTenant.BotId && m.Text?.Contains("automated", StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact(Timeout = 60_000)]
    public async Task Asking_whether_b12_shots_are_safe_gets_the_clinics_safety_answer()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.PersonalChatId, "are b12 shots safe?");

        TeamsAssert.Accepted(turn);
        var answer = turn.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.PersonalChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
        Assert.Null(answer.Importance);
        Assert.False(answer.NotificationAlert, "an ordinary answer must not raise a Teams notification");
        Assert.DoesNotContain(turn.Messages, m => m.Importance is "high" or "urgent");
    }

    [Fact(Timeout = 60_000)]
    public async Task Describing_throat_swelling_after_the_injection_gets_the_urgent_care_message_as_an_important_alert()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.PersonalChatId, "my throat is swelling after the injection");

        TeamsAssert.Accepted(turn);
        var urgent = turn.Messages[0];
        TeamsAssert.ShowsInChat(urgent, ClinicTenant.PersonalChatId);
        Assert.Contains($"Call {ClinicContent.EmergencyNumber}", ClinicContent.Normalize(urgent.Text), StringComparison.OrdinalIgnoreCase);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.UrgentMessage), urgent);
        Assert.Equal("high", urgent.Importance);
        Assert.True(urgent.NotificationAlert, "the urgent-care message must raise a Teams notification (channelData.notification.alert)");
    }
}

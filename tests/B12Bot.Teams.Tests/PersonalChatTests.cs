using System.Text.Json.Nodes;
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
    public async Task Pressing_a_topic_button_on_the_welcome_answers_that_topic()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);
        var install = await teams.InstallInPersonalChatAsync();

        // Six topics are more than Teams shows as suggested replies: they come as Adaptive Card buttons after the welcome.
        var card = Assert.Single(install.Messages, m => m.CardButtons.Any());
        TeamsAssert.ShowsInChat(card, ClinicTenant.PersonalChatId);
        Assert.Equal(card.CardButtons.Count(), card.Rendered!.Attachments.OfType<JsonObject>().SelectMany(CardButton.From).Count());
        Assert.All(card.CardButtons, b => Assert.Equal(("Action.Submit", "imBack"), (b.Type, b.Data?["msteams"]?["type"]?.GetValue<string>())));
        var sideEffects = Assert.Single(card.CardButtons, b => b.Title == ClinicContent.FaqTitle("side_effects"));

        var pressed = await GroupChatTests.PressAsync(teams, card, sideEffects);

        TeamsAssert.Accepted(pressed);
        Assert.True(string.IsNullOrEmpty(pressed.Delivered[0].Activity?["text"]?.GetValue<string>()), "the playground delivers the press as a submit without text");
        var answer = pressed.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.PersonalChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("side_effects")), answer);
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

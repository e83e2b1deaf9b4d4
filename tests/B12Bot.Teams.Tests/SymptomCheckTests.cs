using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>The symptom walkthrough in Teams: answered with buttons, and stopped by an emergency wherever it runs.</summary>
public sealed class SymptomCheckTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task In_a_personal_chat_the_questions_come_with_suggested_replies_and_pressing_one_moves_on()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var start = await teams.SendAsync(ClinicTenant.PersonalChatId, "check my symptoms");

        TeamsAssert.Accepted(start);
        var question = Assert.Single(start.Messages, m => ClinicContent.Normalize(m.Text).Contains(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("allergy")), StringComparison.Ordinal));
        TeamsAssert.ShowsInChat(question, ClinicTenant.PersonalChatId);
        // Personal chat: at most 3 choices stay as suggested replies on the question itself, as Teams shows them.
        var choices = question.SuggestedActions.Select(a => a!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["Yes", "No", "Not sure"], choices);
        Assert.Equal(choices, question.Rendered!.SuggestedActions.Select(a => a!["title"]!.GetValue<string>()));

        // The playground's chat sends a pressed suggested reply as the user's message with the button's title.
        var next = await teams.SendAsync(ClinicTenant.PersonalChatId, "No");

        TeamsAssert.Accepted(next);
        Assert.Contains(next.Messages, m => ClinicContent.Normalize(m.Text).Contains(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("pregnancy")), StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task In_a_channel_thread_the_walkthrough_runs_on_card_buttons_and_an_emergency_stops_it()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var start = await teams.SendAsync(ClinicTenant.InjectionsChannelId, "check my symptoms", mentionBot: true);
        var thread = start.Delivered[0].ConversationId!;

        TeamsAssert.Accepted(start);
        Assert.Contains(start.Messages, m => ClinicContent.Normalize(m.VisibleText).Contains(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("allergy")), StringComparison.Ordinal));
        // Outside personal chats Teams shows no suggested replies: the choices are buttons on a card in the thread.
        Assert.All(start.Messages, m => Assert.Empty(m.SuggestedActions));
        var card = Assert.Single(start.Messages, m => m.CardButtons.Any());
        TeamsAssert.ShowsInChat(card, thread);
        Assert.Equal(["Yes", "No", "Not sure"], card.CardButtons.Select(b => b.Title));

        var answered = await GroupChatTests.PressAsync(teams, card, card.CardButtons.Single(b => b.Title == "No"));

        TeamsAssert.Accepted(answered);
        Assert.Contains(answered.Messages, m => ClinicContent.Normalize(m.VisibleText).Contains(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("pregnancy")), StringComparison.Ordinal));
        Assert.All(answered.Messages, m => Assert.Equal(thread, m.ConversationId));

        // Mid-walkthrough, someone describes an emergency: the urgent-care message wins.
        var emergency = await teams.SendAsync(thread, "my lips are swelling and I can't breathe", mentionBot: true);

        TeamsAssert.Accepted(emergency);
        var urgent = emergency.Messages[0];
        TeamsAssert.ShowsInChat(urgent, thread);
        Assert.Contains($"Call {ClinicContent.EmergencyNumber}", ClinicContent.Normalize(urgent.Text), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("high", urgent.Importance);
        Assert.True(urgent.NotificationAlert);
        Assert.DoesNotContain(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("neuro")), ClinicContent.Normalize(emergency.AllText), StringComparison.Ordinal);

        // ...and the walkthrough is over: answering the old question does not bring the next one.
        var after = await teams.SendAsync(thread, "No", mentionBot: true);

        TeamsAssert.Accepted(after);
        Assert.NotEmpty(after.Messages);
        Assert.DoesNotContain(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("neuro")), ClinicContent.Normalize(after.AllText), StringComparison.Ordinal);
        Assert.DoesNotContain(ClinicContent.Normalize(ClinicContent.WalkthroughPrompt("pregnancy")), ClinicContent.Normalize(after.AllText), StringComparison.Ordinal);
    }
}

using System.Text.Json.Nodes;
using B12Bot.Teams.Tests.Harness;

namespace B12Bot.Teams.Tests;

/// <summary>The bot in the nurses' group chat: it speaks only when @mentioned.</summary>
public sealed class GroupChatTests(ITestOutputHelper output)
{
    [Fact(Timeout = 60_000)]
    public async Task A_group_message_that_does_not_mention_the_bot_gets_no_reply()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var (unmentioned, followUp) = await teams.SendWithoutMentionThenWithMentionAsync(
            ClinicTenant.GroupChatId, "are b12 shots safe?", "thanks");

        Assert.Empty(unmentioned.Delivered);
        TeamsAssert.Silent(unmentioned);
        // The mentioned follow-up in the same chat was answered, so the bot was listening all along.
        TeamsAssert.Accepted(followUp);
        Assert.NotEmpty(followUp.Messages);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_unmentioned_group_message_that_still_reaches_the_bot_gets_no_reply()
    {
        // With resource-specific consent Teams delivers every group message; the bot must still stay quiet unless
        // @mentioned. The playground's custom activity delivers exactly such a message.
        await using var teams = await TeamsPlayground.StartAsync(output);
        var turn = await teams.SendCustomActivityAsync(teams.GroupChatMessage("are b12 shots safe?"));

        TeamsAssert.Accepted(turn);
        TeamsAssert.Silent(turn);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_question_that_mentions_the_bot_is_answered_in_the_group_chat()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.GroupChatId, "are b12 shots safe?", mentionBot: true);

        TeamsAssert.Accepted(turn);
        var answer = turn.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.GroupChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_mention_is_stripped_so_a_mentioned_command_works_as_a_command()
    {
        // "help" is only recognised as the whole message: it works only if "<at>B12 Clinic Bot</at>" was removed.
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.GroupChatId, "help", mentionBot: true);

        TeamsAssert.Accepted(turn);
        var help = turn.Messages[0];
        TeamsAssert.ShowsInChat(help, ClinicTenant.GroupChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.Text("help")), help);
        Assert.DoesNotContain("<at>", turn.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_question_that_also_mentions_a_colleague_is_answered_without_echoing_the_mention()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var turn = await teams.SendAsync(ClinicTenant.GroupChatId, "are b12 shots safe?", mentionBot: true, [("29:clinic-user-megan", "Megan Bowen")]);

        TeamsAssert.Accepted(turn);
        var delivered = turn.Delivered[0].Activity!;
        Assert.Equal(2, delivered["entities"]!.AsArray().Count(e => e?["type"]?.GetValue<string>() == "mention"));
        var answer = turn.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.GroupChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
        Assert.DoesNotContain("<at>", turn.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Megan", turn.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact(Timeout = 60_000)]
    public async Task Topic_choices_show_as_card_buttons_in_a_group_chat_and_pressing_one_answers_that_topic()
    {
        await using var teams = await TeamsPlayground.StartAsync(output);

        var help = await teams.SendAsync(ClinicTenant.GroupChatId, "help", mentionBot: true);

        // Teams shows suggested actions in personal chats only: here the topics must come as buttons on a card.
        var withButtons = Assert.Single(help.Messages, m => m.CardButtons.Any());
        TeamsAssert.ShowsInChat(withButtons, ClinicTenant.GroupChatId);
        Assert.All(help.Messages, m => Assert.Empty(m.SuggestedActions));
        var buttons = withButtons.CardButtons.ToList();
        Assert.Equal(buttons.Count, withButtons.Rendered!.Attachments.OfType<JsonObject>().SelectMany(CardButton.From).Count());
        var safety = Assert.Single(buttons, b => b.Title == ClinicContent.FaqTitle("safety"));

        // An Adaptive Card button that says the topic (Teams' imBack), not a hero card imBack the playground cannot run.
        Assert.Equal("Action.Submit", safety.Type);
        Assert.Equal("imBack", safety.Data?["msteams"]?["type"]?.GetValue<string>());

        // Pressing it delivers the button's data as the user's reply to the card (no @mention); the bot answers the topic.
        var pressed = await PressAsync(teams, withButtons, safety);

        TeamsAssert.Accepted(pressed);
        var answer = pressed.Messages[0];
        TeamsAssert.ShowsInChat(answer, ClinicTenant.GroupChatId);
        TeamsAssert.Says(ClinicContent.FirstSentence(ClinicContent.FaqAnswer("safety")), answer);
    }

    /// <summary>
    /// Presses a card button the way the playground's chat does: an Adaptive Card Action.Submit goes through its submit
    /// API (a message whose value is the button's data, as a reply to the card, without an @mention). The bot's choice
    /// buttons carry <c>msteams</c> imBack data, which real Teams turns into the user saying the choice.
    /// </summary>
    internal static async Task<TeamsTurn> PressAsync(TeamsPlayground teams, BotReply card, CardButton button)
    {
        if (button is not { Type: "Action.Submit", Data: JsonObject data })
        {
            throw new InvalidOperationException($"The bot offered a '{button.Type}' button, which the Agents Playground cannot run (it only runs Adaptive Card actions).");
        }

        Assert.Equal("application/vnd.microsoft.card.adaptive", button.ContentType);
        return await teams.SubmitAsync(card.ConversationId, card.Rendered!.MessageId!, (JsonObject)data.DeepClone());
    }
}

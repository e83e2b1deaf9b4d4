using System.Text.Json;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Tests.Prompts;

public sealed class ChoicePromptListStyleTests
{
    private static readonly string[] ThreeSites = ["Arm", "Thigh", "Buttock"];

    private static PromptOptions WhereQuestion(params string[] choices) => PromptHarness.Question("Where was the injection?", choices: choices);

    private static List<string?> ButtonTitles(Activity reply) =>
        reply.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];

    private static HeroCard Card(Activity reply)
    {
        var attachment = Assert.Single(reply.Attachments!);
        Assert.Equal(HeroCard.ContentType, attachment.ContentType);
        return attachment.Content!.Value.Deserialize(BotJsonContext.Default.HeroCard)!;
    }

    [Fact]
    public async Task Teams_personal_chat_gets_suggested_actions_for_the_user()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion(ThreeSites), DialogHarness.Adapter("msteams", "personal"))
            .Send("start")
            .AssertReply(reply =>
            {
                Assert.Equal("Where was the injection?", reply.Text);
                Assert.Equal(["Arm", "Thigh", "Buttock"], ButtonTitles(reply));
                Assert.All(reply.SuggestedActions!.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
                Assert.Equal(["user1"], reply.SuggestedActions.To!);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
                Assert.Null(reply.Attachments);
            })
            .Test("thigh", "Got: Thigh")
            .StartTestAsync();
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task Teams_group_chats_and_channels_get_a_hero_card_instead(string conversationType)
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion(ThreeSites), DialogHarness.Adapter("msteams", conversationType))
            .Send("start")
            .AssertReply(reply =>
            {
                Assert.Null(reply.SuggestedActions);
                Assert.Null(reply.Text);
                var card = Card(reply);
                Assert.Equal("Where was the injection?", card.Text);
                Assert.Equal(["Arm", "Thigh", "Buttock"], card.Buttons!.Select(b => b.Title));
                Assert.Equal("Thigh", card.Buttons![1].Value!.Value.GetString());
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_personal_chat_with_more_than_three_choices_gets_a_hero_card()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion("Arm", "Thigh", "Buttock", "Stomach"), DialogHarness.Adapter("msteams", "personal"))
            .Send("start")
            .AssertReply(reply =>
            {
                Assert.Null(reply.SuggestedActions);
                Assert.Equal(4, Card(reply).Buttons!.Count);
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("test")]
    public async Task Web_chat_direct_line_emulator_and_test_get_suggested_actions(string channelId)
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion("Arm", "Thigh", "Buttock", "Stomach"), DialogHarness.Adapter(channelId))
            .Send("start")
            .AssertReply(reply => Assert.Equal(["Arm", "Thigh", "Buttock", "Stomach"], ButtonTitles(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task A_channel_without_buttons_gets_inline_text_for_up_to_three_choices()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion(ThreeSites), DialogHarness.Adapter("sms"))
            .Test("start", "Where was the injection? (1) Arm, (2) Thigh, or (3) Buttock")
            .StartTestAsync();
    }

    [Fact]
    public async Task A_channel_without_buttons_gets_a_numbered_list_beyond_three()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion("Arm", "Thigh", "Buttock", "Stomach"), DialogHarness.Adapter("sms"))
            .Test("start", "Where was the injection?\n\n   1. Arm\n   2. Thigh\n   3. Buttock\n   4. Stomach")
            .StartTestAsync();
    }

    [Fact]
    public async Task Long_titles_are_never_put_on_buttons_but_listed()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion("Upper outer arm (deltoid)", "Thigh"), DialogHarness.Adapter("webchat"))
            .Test("start", "Where was the injection?\n\n   1. Upper outer arm (deltoid)\n   2. Thigh")
            .StartTestAsync();
    }

    [Fact]
    public async Task Spanish_inline_list_uses_spanish_connectors()
    {
        await PromptHarness.Ask(new ChoicePrompt("site"), WhereQuestion(ThreeSites), DialogHarness.Adapter("sms", locale: "es-es"))
            .Test("start", "Where was the injection? (1) Arm, (2) Thigh, o (3) Buttock")
            .StartTestAsync();
    }

    [Theory]
    [InlineData(ListStyle.Inline, "Where was the injection? (1) Arm, (2) Thigh, or (3) Buttock")]
    [InlineData(ListStyle.List, "Where was the injection?\n\n   1. Arm\n   2. Thigh\n   3. Buttock")]
    [InlineData(ListStyle.None, "Where was the injection?")]
    public async Task An_explicit_style_wins_over_the_channel(ListStyle style, string expected)
    {
        var prompt = new ChoicePrompt("site") { Style = style };
        await PromptHarness.Ask(prompt, WhereQuestion(ThreeSites), DialogHarness.Adapter("webchat"))
            .Send("start")
            .AssertReply(reply =>
            {
                Assert.Equal(expected, reply.Text);
                Assert.Null(reply.SuggestedActions);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Options_style_overrides_the_prompt_style_and_hero_card_can_be_forced()
    {
        var options = WhereQuestion(ThreeSites);
        options.Style = ListStyle.HeroCard;
        await PromptHarness.Ask(new ChoicePrompt("site") { Style = ListStyle.Inline }, options, DialogHarness.Adapter("sms"))
            .Send("start")
            .AssertReply(reply => Assert.Equal(3, Card(reply).Buttons!.Count))
            .StartTestAsync();
    }

    [Fact]
    public async Task Retry_prompt_carries_the_choices_too_and_ordinals_answer()
    {
        var options = PromptHarness.Question("Where was the injection?", "Please pick one of these:", choices: ThreeSites);
        await PromptHarness.Ask(new ChoicePrompt("site"), options, DialogHarness.Adapter("sms"), describe: r => ((FoundChoice)r!).Value)
            .Test("start", "Where was the injection? (1) Arm, (2) Thigh, or (3) Buttock")
            .Test("my elbow", "Please pick one of these: (1) Arm, (2) Thigh, or (3) Buttock")
            .Test("the last one", "Got: Buttock")
            .StartTestAsync();
    }
}

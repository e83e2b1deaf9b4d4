using System.Text.Json;
using B12Bot.Teams.Tests.Support;
using BotRuntime.Builder;
using BotRuntime.Schema;
using BotRuntime.Teams;

namespace B12Bot.Teams.Tests.Runtime;

/// <summary>
/// Teams activities as Teams sends them, through the Teams middleware in the order the host registers it (shaper,
/// imBack submits, mention filter, mention stripping) and a small bot: what the bot hears, and what Teams receives back.
/// </summary>
public sealed class TeamsFixtureTests
{
    private readonly RecordingAdapter _adapter = new();
    private readonly List<Activity> _heard = [];

    public TeamsFixtureTests()
    {
        _adapter.Use(new TeamsMessageShaperMiddleware());
        _adapter.Use(new TeamsImBackSubmitMiddleware());
        _adapter.Use(new TeamsMentionRequiredMiddleware());
        _adapter.Use(new TeamsMentionMiddleware());
    }

    [Fact]
    public async Task In_a_personal_chat_the_bot_hears_the_question_and_offers_up_to_three_suggested_actions()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-personal-message"), ReplyWithChoices("Pills or shots?", "Side effects", "Check my symptoms"));

        Assert.Equal("Are B12 shots safe?", Assert.Single(_heard).Text);
        var reply = Assert.Single(_adapter.Sent);
        Assert.Equal("Here is what the clinic's leaflet says.", reply.Text);
        Assert.Equal(["Pills or shots?", "Side effects", "Check my symptoms"], reply.SuggestedActions!.Actions!.Select(a => a.Title));
        Assert.All(reply.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public async Task In_a_group_chat_a_mention_reaches_the_bot_without_the_mention_markup_and_choices_become_card_buttons()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-groupchat-mention"), ReplyWithChoices("Are B12 shots safe?", "Side effects"));

        Assert.Equal("What is B12 for?", Assert.Single(_heard).Text);
        Assert.Equal(2, _adapter.Sent.Count);
        var text = _adapter.Sent[0];
        Assert.Equal("Here is what the clinic's leaflet says.", text.Text);
        Assert.Null(text.SuggestedActions);
        var buttons = TeamsMessageShaperTests.ButtonsOf(_adapter.Sent[1]);
        Assert.Equal(["Are B12 shots safe?", "Side effects"], buttons.Select(b => b.Title));
        Assert.All(buttons, b => Assert.Equal(("Action.Submit", "imBack", b.Title), (b.Type, b.MsTeamsType, b.Says)));
        Assert.Equal("19:groupchat-0f9e8d7c6b5a@thread.v2", _adapter.Sent[1].Conversation!.Id);
    }

    [Fact]
    public async Task In_a_group_chat_a_message_that_does_not_mention_the_bot_gets_no_answer()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-groupchat-no-mention"), ReplyWithChoices());

        Assert.Empty(_heard);
        Assert.Empty(_adapter.Sent);
    }

    [Fact]
    public async Task In_a_channel_thread_the_bot_answers_in_the_thread_and_other_mentions_stay_in_the_text()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-channel-thread-mention"), ReplyWithChoices());

        Assert.Equal("Side effects for <at>Dana Nurse</at>", Assert.Single(_heard).Text);
        var reply = Assert.Single(_adapter.Sent);
        Assert.Equal("19:clinic-channel-1234@thread.tacv2;messageid=1732400000500", reply.Conversation!.Id);
        Assert.Equal("1732400000777", reply.ReplyToId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reply.ServiceUrl);
    }

    [Fact]
    public async Task Installing_the_bot_in_a_team_reaches_the_bot_so_it_can_introduce_itself_once()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-install-conversationupdate"), async (turn, ct) =>
        {
            _heard.Add(turn.Activity);
            if (turn.Activity.MembersAdded?.Exists(m => m.Id == turn.Activity.Recipient?.Id) == true)
            {
                await turn.SendActivityAsync("Hi, I'm an automated assistant for B12 injection questions. Mention me to ask.", cancellationToken: ct);
            }
        });

        Assert.Equal(ActivityTypes.ConversationUpdate, Assert.Single(_heard).Type);
        Assert.Single(_adapter.Sent);
    }

    [Fact]
    public async Task A_card_submit_in_a_group_chat_goes_through_without_a_mention()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-card-submit"), ReplyWithChoices());

        var heard = Assert.Single(_heard);
        Assert.Equal("no", heard.Value!.Value.GetProperty("answer").GetString());
        Assert.Single(_adapter.Sent);
    }

    [Fact]
    public async Task Pressing_a_card_button_that_real_Teams_delivers_as_text_reaches_the_bot()
    {
        // Real Teams runs an msteams imBack submit as the user saying the text, in reply to the card's message.
        var click = TeamsFixtures.Load("teams-groupchat-no-mention");
        click.Text = "Side effects";
        click.ReplyToId = "1732400000940";

        await _adapter.ProcessAsync(click, ReplyWithChoices());

        Assert.Equal("Side effects", Assert.Single(_heard).Text);
    }

    [Fact]
    public async Task Pressing_a_card_button_that_the_playground_delivers_as_a_submit_reaches_the_bot_as_the_buttons_text()
    {
        await _adapter.ProcessAsync(Submit("""{"msteams":{"type":"imBack","value":"Side effects"}}"""), ReplyWithChoices());

        Assert.Equal("Side effects", Assert.Single(_heard).Text);
        Assert.Single(_adapter.Sent);
    }

    [Fact]
    public async Task A_submit_without_msteams_imBack_data_is_left_alone()
    {
        foreach (var value in new[]
        {
            """{"msteams":{"type":"messageBack","value":"Side effects"}}""",
            """{"msteams":{"type":"imBack","value":{"text":"Side effects"}}}""",
            """{"msteams":{"type":"imBack","value":"   "}}""",
            """{"msteams":"imBack"}""",
            """{"answer":"Side effects"}""",
            "\"Side effects\"",
        })
        {
            _heard.Clear();

            await _adapter.ProcessAsync(Submit(value), ReplyWithChoices());

            var heard = Assert.Single(_heard);
            Assert.Null(heard.Text);
            Assert.Equal(JsonDocument.Parse(value).RootElement.GetRawText(), heard.Value!.Value.GetRawText());
        }
    }

    [Fact]
    public async Task A_submit_that_also_has_text_keeps_the_text()
    {
        var submit = Submit("""{"msteams":{"type":"imBack","value":"Side effects"}}""");
        submit.Text = "Pills or shots?";

        await _adapter.ProcessAsync(submit, ReplyWithChoices());

        Assert.Equal("Pills or shots?", Assert.Single(_heard).Text);
    }

    [Fact]
    public async Task The_urgent_care_message_also_raises_a_Teams_notification_alert()
    {
        await _adapter.ProcessAsync(TeamsFixtures.Load("teams-personal-message"), async (turn, ct) =>
        {
            await turn.SendActivityAsync("Thanks for asking.", cancellationToken: ct);
            var urgent = Activity.CreateMessageActivity("This could be a severe allergic reaction. Call 911 now.");
            urgent.Importance = ActivityImportance.High;
            await turn.SendActivityAsync(urgent, ct);
        });

        Assert.Null(_adapter.Sent[0].ChannelData);
        Assert.True(_adapter.Sent[1].ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_invoke_is_answered_501_by_the_activity_handler()
    {
        var context = await _adapter.ProcessAsync(TeamsFixtures.Load("teams-unknown-invoke"), new ActivityHandler().OnTurnAsync);

        var response = context.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey);
        Assert.NotNull(response);
        Assert.Equal(501, response!.Value!.Value.GetProperty("status").GetInt32());
        Assert.Empty(_adapter.Sent);
    }

    [Fact]
    public async Task An_unknown_event_is_accepted_quietly()
    {
        var context = await _adapter.ProcessAsync(TeamsFixtures.Load("teams-unknown-event"), new ActivityHandler().OnTurnAsync);

        Assert.Null(context.TurnState.Get<Activity>(BotAdapter.InvokeResponseKey));
        Assert.Empty(_adapter.Sent);
    }

    private BotCallbackHandler ReplyWithChoices(params string[] choices) => async (turn, ct) =>
    {
        _heard.Add(turn.Activity);
        var reply = Activity.CreateMessageActivity("Here is what the clinic's leaflet says.");
        if (choices.Length > 0)
        {
            reply.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => new CardAction(ActionTypes.ImBack, c, c))] };
        }

        await turn.SendActivityAsync(reply, ct);
    };

    /// <summary>The user presses a card button in the group chat, delivered as the Agents Playground does: a submit with the button's data.</summary>
    private static Activity Submit(string valueJson)
    {
        var submit = TeamsFixtures.Load("teams-card-submit");
        submit.Value = JsonDocument.Parse(valueJson).RootElement.Clone();
        return submit;
    }
}

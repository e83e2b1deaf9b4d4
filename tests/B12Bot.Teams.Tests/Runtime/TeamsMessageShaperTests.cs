using System.Text.Json;
using B12Bot.Teams.Tests.Support;
using BotRuntime.Schema;
using BotRuntime.Teams;

namespace B12Bot.Teams.Tests.Runtime;

/// <summary>How outgoing messages are adapted to what Teams shows and accepts.</summary>
public sealed class TeamsMessageShaperTests
{
    private readonly TeamsMessageShaper _shaper = new();

    [Fact]
    public void More_than_three_choices_in_a_personal_chat_become_adaptive_card_buttons_so_none_is_lost()
    {
        var reply = Reply("personal", "Which topic?", "What is B12 for?", "Are B12 shots safe?", "Side effects", "Pills or shots?", "Check my symptoms");

        var sent = _shaper.ShapeMessage(reply);

        Assert.Equal(2, sent.Count);
        Assert.Equal("Which topic?", sent[0].Text);
        Assert.Null(sent[0].SuggestedActions);
        var buttons = ButtonsOf(sent[1]);
        Assert.Equal(["What is B12 for?", "Are B12 shots safe?", "Side effects", "Pills or shots?", "Check my symptoms"], buttons.Select(b => b.Title));
        Assert.All(buttons, b => Assert.Equal(("Action.Submit", "imBack", b.Title), (b.Type, b.MsTeamsType, b.Says)));
        Assert.Null(sent[1].Text);
    }

    [Fact]
    public void A_message_with_only_choices_carries_its_card_itself()
    {
        var reply = Reply("channel", null, "Yes", "No");

        var sent = Assert.Single(_shaper.ShapeMessage(reply));

        Assert.Equal(["Yes", "No"], ButtonsOf(sent).Select(b => b.Says));
        Assert.Null(sent.SuggestedActions);
    }

    [Fact]
    public void The_card_holds_at_most_six_buttons()
    {
        var reply = Reply("groupChat", "Pick one", "1", "2", "3", "4", "5", "6", "7", "8");

        var sent = _shaper.ShapeMessage(reply);

        Assert.Equal(["1", "2", "3", "4", "5", "6"], ButtonsOf(sent[1]).Select(b => b.Title));
    }

    [Fact]
    public void PostBack_and_messageBack_choices_become_imBack_submits_and_links_stay_links()
    {
        var reply = Reply("groupChat", "Options");
        reply.SuggestedActions = new SuggestedActions();
        reply.SuggestedActions.Actions =
        [
            new CardAction(ActionTypes.PostBack, "Side effects", "side effects"),
            new CardAction(ActionTypes.MessageBack, "Pills or shots?") { Text = "pills or shots" },
            new CardAction(ActionTypes.OpenUrl, "Clinic website", "https://clinic.example/b12"),
        ];

        var buttons = ButtonsOf(_shaper.ShapeMessage(reply)[1]);

        Assert.Equal(("Action.Submit", "Side effects", "side effects"), (buttons[0].Type, buttons[0].Title, buttons[0].Says));
        Assert.Equal(("Action.Submit", "Pills or shots?", "pills or shots"), (buttons[1].Type, buttons[1].Title, buttons[1].Says));
        Assert.Equal(("Action.OpenUrl", "Clinic website", "https://clinic.example/b12"), (buttons[2].Type, buttons[2].Title, buttons[2].Url));
    }

    [Fact]
    public void In_a_personal_chat_a_link_cannot_be_a_suggested_action_so_the_choices_move_to_a_card()
    {
        var reply = Reply("personal", "Options", "Side effects");
        reply.SuggestedActions!.Actions!.Add(new CardAction(ActionTypes.OpenUrl, "Clinic website", "https://clinic.example/b12"));

        var sent = _shaper.ShapeMessage(reply);

        Assert.Equal(2, sent.Count);
        Assert.Equal(["Action.Submit", "Action.OpenUrl"], ButtonsOf(sent[1]).Select(b => b.Type));
    }

    [Fact]
    public void The_bots_own_activity_and_choices_are_not_changed()
    {
        var reply = Reply("groupChat", "Options", "Yes", "No");
        var actions = reply.SuggestedActions!;

        _shaper.ShapeMessage(reply);

        Assert.Same(actions, reply.SuggestedActions);
        Assert.Equal(2, actions.Actions!.Count);
        Assert.Null(reply.Attachments);
    }

    [Fact]
    public void The_notification_alert_keeps_the_other_channel_data()
    {
        var reply = Reply("personal", "Call 911 now.");
        reply.Importance = "HIGH";
        reply.ChannelData = JsonDocument.Parse("""{"onBehalfOf":[{"itemId":0}],"notification":{"alertInMeeting":true}}""").RootElement.Clone();

        var channelData = Assert.Single(_shaper.ShapeMessage(reply)).ChannelData!.Value;

        Assert.True(channelData.GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.True(channelData.GetProperty("notification").GetProperty("alertInMeeting").GetBoolean());
        Assert.Equal(0, channelData.GetProperty("onBehalfOf")[0].GetProperty("itemId").GetInt32());
    }

    [Fact]
    public void Ordinary_messages_raise_no_alert()
    {
        var sent = Assert.Single(_shaper.ShapeMessage(Reply("personal", "B12 helps make red blood cells.")));

        Assert.Null(sent.ChannelData);
    }

    [Fact]
    public void A_text_over_the_Teams_size_limit_is_split_at_paragraphs_without_losing_a_word()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Paragraph {i}: " + string.Join(' ', Enumerable.Repeat("vitamin B12 supports nerves and blood.", 40))).ToList();
        var text = string.Join("\n\n", paragraphs);
        var reply = Reply("personal", text, "Side effects");

        var sent = _shaper.ShapeMessage(reply);

        Assert.True(sent.Count > 1);
        Assert.All(sent, part => Assert.True(TeamsMessageShaper.MeasureJsonChars(part) <= 48_000, "each part fits Teams' limit"));
        Assert.All(sent, part => Assert.True(TeamsMessageShaper.MeasureJsonChars(part) * 2 < 100 * 1024, "UTF-16 size under 100 KB"));
        Assert.Equal(text.Replace("\n\n", " "), string.Join(" ", sent.Select(p => p.Text!.Replace("\n\n", " "))));
        Assert.All(sent, part => Assert.StartsWith("Paragraph", part.Text));
        Assert.All(sent.SkipLast(1), part => Assert.Null(part.SuggestedActions));
        Assert.NotNull(sent[^1].SuggestedActions);
    }

    [Fact]
    public void Non_ASCII_text_is_counted_by_its_escaped_size()
    {
        var text = string.Concat(Enumerable.Repeat("Vitamín B12 – důležitý pro krev 🩸. ", 1000));

        var sent = _shaper.ShapeMessage(Reply("personal", text));

        Assert.True(sent.Count > 1);
        Assert.All(sent, part => Assert.True(TeamsMessageShaper.MeasureJsonChars(part) <= 48_000));
        Assert.Equal(text.Replace(" ", string.Empty), string.Concat(sent.Select(p => p.Text)).Replace(" ", string.Empty));
    }

    [Fact]
    public void A_huge_text_is_cut_to_a_few_messages_with_a_notice()
    {
        var text = string.Concat(Enumerable.Repeat("B12 facts. ", 100_000));

        var sent = _shaper.ShapeMessage(Reply("personal", text));

        Assert.Equal(4, sent.Count);
        Assert.EndsWith("(This message was shortened because it is too long to show in Teams.)", sent[^1].Text);
        Assert.All(sent, part => Assert.True(TeamsMessageShaper.MeasureJsonChars(part) <= 48_000));
    }

    [Fact]
    public void A_card_too_large_for_Teams_is_replaced_by_a_notice()
    {
        var reply = Reply("personal", "Here is the leaflet.");
        reply.Attachments = [new HeroCard { Text = new string('x', 80_000) }.ToAttachment()];

        var sent = _shaper.ShapeMessage(reply);

        var only = Assert.Single(sent);
        Assert.Null(only.Attachments);
        Assert.Contains("too large to show in Teams", only.Text);
    }

    [Fact]
    public void Choices_in_an_urgent_message_come_on_a_card_after_the_alerted_text()
    {
        var reply = Reply("channel", "This could be a severe allergic reaction. Call 911 now.", "I'm OK now", "Start over");
        reply.Importance = ActivityImportance.High;

        var sent = _shaper.ShapeMessage(reply);

        Assert.Equal(2, sent.Count);
        Assert.True(sent[0].ChannelData!.Value.GetProperty("notification").GetProperty("alert").GetBoolean());
        Assert.Null(sent[1].ChannelData);
        Assert.Null(sent[1].Importance);
        Assert.Equal(["I'm OK now", "Start over"], ButtonsOf(sent[1]).Select(b => b.Says));
    }

    [Fact]
    public void Choices_that_say_nothing_make_no_card()
    {
        var reply = Reply("groupChat", "Options");
        reply.SuggestedActions = new SuggestedActions { Actions = [new CardAction { Type = ActionTypes.PostBack }, new CardAction(ActionTypes.OpenUrl, "Broken link")] };

        var sent = Assert.Single(_shaper.ShapeMessage(reply));

        Assert.Null(sent.Attachments);
        Assert.Null(sent.SuggestedActions);
        Assert.Equal("Options", sent.Text);
    }

    [Fact]
    public void Card_text_with_markup_or_quotes_stays_plain_data()
    {
        var reply = Reply("groupChat", "Options", "Say \"hi\" <b>now</b>");

        var button = Assert.Single(ButtonsOf(_shaper.ShapeMessage(reply)[1]));

        Assert.Equal("Say \"hi\" <b>now</b>", button.Title);
        Assert.Equal("Say \"hi\" <b>now</b>", button.Says);
    }

    [Fact]
    public void Messages_to_other_channels_are_left_alone()
    {
        var reply = Reply("personal", "Which topic?", "1", "2", "3", "4", "5");
        reply.ChannelId = Channels.Webchat;
        var list = new List<Activity> { reply };

        Assert.Null(_shaper.Shape(list));
        Assert.Same(reply, list[0]);
        Assert.Equal(5, list[0].SuggestedActions!.Actions!.Count);
    }

    [Fact]
    public void Shape_maps_every_part_back_to_the_activity_it_came_from()
    {
        var typing = Activity.CreateTypingActivity();
        typing.ChannelId = Channels.Msteams;
        var list = new List<Activity> { typing, Reply("groupChat", "Which topic?", "Yes", "No"), Reply("personal", "Thanks") };

        var origins = _shaper.Shape(list);

        Assert.Equal([0, 1, 1, 2], origins!);
        Assert.Equal(4, list.Count);
    }

    [Fact]
    public async Task Senders_get_one_response_per_activity_they_sent()
    {
        var adapter = new RecordingAdapter();
        adapter.Use(new TeamsMessageShaperMiddleware());
        ResourceResponse[]? responses = null;

        await adapter.ProcessAsync(TeamsFixtures.Load("teams-groupchat-mention"), async (turn, ct) =>
            responses = await turn.SendActivitiesAsync([Reply("groupChat", "Which topic?", "Yes", "No"), Reply("groupChat", "Anything else?")], ct));

        Assert.Equal(3, adapter.Sent.Count);
        Assert.Equal(["sent-1", "sent-3"], responses!.Select(r => r.Id));
    }

    private static Activity Reply(string conversationType, string? text, params string[] choices)
    {
        var activity = Activity.CreateMessageActivity(text);
        activity.ChannelId = Channels.Msteams;
        activity.ServiceUrl = TeamsFixtures.TeamsServiceUrl;
        activity.Conversation = new ConversationAccount("conv-1", conversationType != "personal", conversationType);
        activity.SuggestedActions = new SuggestedActions { Actions = [.. choices.Select(c => new CardAction(ActionTypes.ImBack, c, c))] };
        if (choices.Length == 0)
        {
            activity.SuggestedActions = null;
        }

        return activity;
    }

    /// <summary>The buttons of the message's single Adaptive Card, checking the card is one Teams renders (v1.5).</summary>
    internal static List<CardButton> ButtonsOf(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("$schema").GetString());
        return [.. card.GetProperty("actions").EnumerateArray().Select(CardButton.From)];
    }

    /// <summary>An Adaptive Card action: Action.Submit with msteams data (what pressing it says) or Action.OpenUrl.</summary>
    internal sealed record CardButton(string? Type, string? Title, string? MsTeamsType, string? Says, string? Url)
    {
        public static CardButton From(JsonElement action)
        {
            string? msteamsType = null, says = null;
            if (action.TryGetProperty("data", out var data) && data.TryGetProperty("msteams", out var msteams))
            {
                msteamsType = msteams.GetProperty("type").GetString();
                says = msteams.GetProperty("value").GetString();
            }

            return new CardButton(action.GetProperty("type").GetString(), action.GetProperty("title").GetString(), msteamsType, says,
                action.TryGetProperty("url", out var url) ? url.GetString() : null);
        }
    }
}

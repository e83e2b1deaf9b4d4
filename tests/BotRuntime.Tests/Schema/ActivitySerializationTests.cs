using System.Text.Json;
using BotRuntime.Schema;

namespace BotRuntime.Tests.Schema;

public sealed class ActivitySerializationTests
{
    [Fact]
    public void Writes_camel_case_leaves_out_nulls_and_uses_sdk_strings()
    {
        var activity = Activity.CreateMessageActivity("Call 911 now");
        activity.InputHint = InputHints.ExpectingInput;
        activity.Importance = ActivityImportance.High;
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        activity.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Side effects", "side effects")] };

        var json = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);

        Assert.Equal(
            """{"type":"message","text":"Call 911 now","inputHint":"expectingInput","suggestedActions":{"actions":[{"type":"imBack","title":"Side effects","value":"side effects"}]},"importance":"high","deliveryMode":"expectReplies"}""",
            json);
    }

    [Fact]
    public void Timestamps_are_written_in_utc_with_a_z_and_read_with_any_offset()
    {
        var activity = new Activity { Type = ActivityTypes.Message, Timestamp = new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.FromHours(2)) };

        var json = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);
        Assert.Contains("\"timestamp\":\"2026-11-23T21:00:00.0000000Z\"", json);

        var read = JsonSerializer.Deserialize("""{"type":"message","timestamp":"2026-11-23T23:00:00+02:00","localTimestamp":"2026-11-23T23:00:00+02:00"}""", BotJsonContext.Default.Activity)!;
        Assert.Equal(activity.Timestamp, read.Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), read.LocalTimestamp!.Value.Offset);
    }

    [Fact]
    public void Channel_data_entities_and_values_stay_raw_json()
    {
        const string json = """
            {"type":"message","channelData":{"tenant":{"id":"t-1"},"clientActivityID":"x"},
             "entities":[{"type":"mention","mentioned":{"id":"28:bot","name":"B12Bot"},"text":"<at>B12Bot</at>"}],
             "value":{"action":"symptom-check","n":2}}
            """;

        var activity = JsonSerializer.Deserialize(json, BotJsonContext.Default.Activity)!;

        Assert.Equal("t-1", activity.ChannelData!.Value.GetProperty("tenant").GetProperty("id").GetString());
        var mention = Assert.Single(activity.Entities!);
        Assert.Equal("mention", mention.Type);
        Assert.Equal("<at>B12Bot</at>", mention.GetString("text"));
        Assert.Equal(2, activity.Value!.Value.GetProperty("n").GetInt32());

        var roundTrip = JsonSerializer.Serialize(activity, BotJsonContext.Default.Activity);
        Assert.Contains("\"mentioned\":{\"id\":\"28:bot\",\"name\":\"B12Bot\"}", roundTrip);
    }

    [Fact]
    public void A_hero_card_becomes_an_attachment_with_its_content_type()
    {
        var card = new HeroCard { Title = "Topics", Buttons = [new CardAction(ActionTypes.ImBack, "Dose", "dose")] };

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.hero", attachment.ContentType);
        Assert.Equal("Dose", attachment.Content!.Value.GetProperty("buttons")[0].GetProperty("title").GetString());
    }
}

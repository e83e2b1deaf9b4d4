using System.Text.Json;
using BotRuntime.Schema;
using BotRuntime.Teams;

namespace B12Bot.Teams.Tests.Runtime;

/// <summary>Removing the bot's @mention from what the user typed, as the SDK's RemoveRecipientMention does.</summary>
public sealed class TeamsMentionTests
{
    [Theory]
    [InlineData("<at>B12 Bot</at> Are B12 shots safe?", "<at>B12 Bot</at>", "B12 Bot", "Are B12 shots safe?")]
    [InlineData("Are B12 shots safe? <at>B12 Bot</at>\n", "<at>B12 Bot</at>", "B12 Bot", "Are B12 shots safe?")]
    [InlineData("<AT>b12 bot</AT>&nbsp;Side effects", "<at>B12 Bot</at>", "B12 Bot", "Side effects")]
    [InlineData("<at>B12 Bot</at> hi <at>B12 Bot</at>", "<at>B12 Bot</at>", "B12 Bot", "hi")]
    [InlineData("<at>B12 (Clinic) Bot+</at> Pills or shots?", null, "B12 (Clinic) Bot+", "Pills or shots?")]
    [InlineData("<at>B12 Bot</at>", "<at>B12 Bot</at>", "B12 Bot", "")]
    public void The_bots_mention_is_removed_from_the_text(string text, string? entityText, string name, string expected)
    {
        var activity = Message(text, Mention(TeamsFixtures.BotId, name, entityText));

        Assert.Equal(expected, activity.RemoveRecipientMention());
        Assert.Equal(expected, activity.Text);
    }

    [Fact]
    public void Mentions_of_other_people_are_kept()
    {
        var activity = Message("<at>Dana Nurse</at> can you check this?", Mention("29:dana", "Dana Nurse", "<at>Dana Nurse</at>"));

        Assert.Equal("<at>Dana Nurse</at> can you check this?", activity.RemoveRecipientMention());
    }

    [Fact]
    public void A_message_without_mentions_is_unchanged()
    {
        var activity = Message("  What is B12 for?  ");

        Assert.Equal("  What is B12 for?  ", activity.RemoveRecipientMention());
        Assert.False(activity.IsRecipientMentioned());
    }

    [Fact]
    public void Whether_the_bot_was_mentioned_is_read_from_the_entities_not_the_text()
    {
        Assert.True(Message("hello", Mention(TeamsFixtures.BotId, "B12 Bot", "<at>B12 Bot</at>")).IsRecipientMentioned());
        Assert.False(Message("<at>B12 Bot</at> hello").IsRecipientMentioned());
    }

    [Fact]
    public void Malformed_mention_entities_are_ignored()
    {
        var activity = Message("<at>B12 Bot</at> hi",
            new Entity { Type = "mention", Properties = new() { ["mentioned"] = JsonSerializer.SerializeToElement("not an object", BotJsonContext.Default.String) } },
            new Entity { Type = "mention" });

        Assert.Equal("<at>B12 Bot</at> hi", activity.RemoveRecipientMention());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = Channels.Msteams,
        Text = text,
        Recipient = new ChannelAccount(TeamsFixtures.BotId, "B12 Bot"),
        Entities = [.. entities],
    };

    private static Entity Mention(string id, string name, string? text)
    {
        var mentioned = new Dictionary<string, JsonElement>
        {
            ["id"] = JsonSerializer.SerializeToElement(id, BotJsonContext.Default.String),
            ["name"] = JsonSerializer.SerializeToElement(name, BotJsonContext.Default.String),
        };
        var properties = new Dictionary<string, JsonElement>
        {
            ["mentioned"] = JsonSerializer.SerializeToElement(mentioned, BotJsonContext.Default.DictionaryStringJsonElement),
        };
        if (text is not null)
        {
            properties["text"] = JsonSerializer.SerializeToElement(text, BotJsonContext.Default.String);
        }

        return new Entity { Type = "mention", Properties = properties };
    }
}

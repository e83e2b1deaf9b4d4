namespace B12Bot.Teams.Tests.Harness;

/// <summary>Checks phrased as what a Teams user sees.</summary>
public static class TeamsAssert
{
    /// <summary>The reply was accepted by Teams and shows in <paramref name="conversationId"/> as a message from the bot.</summary>
    public static void ShowsInChat(BotReply reply, string conversationId)
    {
        Assert.True(reply.StatusCode is 200 or 201, $"Teams (the playground's connector) refused the bot's message with {reply.StatusCode}");
        Assert.Equal(conversationId, reply.ConversationId);
        Assert.NotNull(reply.Rendered);
        Assert.Equal(conversationId, reply.Rendered!.ConversationId);
        Assert.Equal(ClinicTenant.BotId, reply.Rendered.FromId);
        Assert.Equal(reply.Text, reply.Rendered.Text ?? string.Empty);
    }

    /// <summary>The message contains <paramref name="expected"/>, ignoring line breaks and Markdown emphasis.</summary>
    public static void Says(string expected, BotReply reply) =>
        Assert.Contains(ClinicContent.Normalize(expected), ClinicContent.Normalize(reply.VisibleText), StringComparison.OrdinalIgnoreCase);

    /// <summary>The bot took the turn (HTTP 200) for every activity the playground delivered.</summary>
    public static void Accepted(TeamsTurn turn)
    {
        Assert.NotEmpty(turn.Delivered);
        Assert.All(turn.BotStatusCodes, status => Assert.Equal(200, status));
    }

    /// <summary>No message from the bot appeared.</summary>
    public static void Silent(TeamsTurn turn) =>
        Assert.True(turn.Messages.Count == 0, "The bot should have said nothing, but said:\n" + turn.AllText);
}

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// What happened for one user action in the playground: the activities it delivered to the bot (with the HTTP status
/// the bot answered) and everything the bot sent back to Teams meanwhile, in order.
/// </summary>
public sealed record TeamsTurn(IReadOnlyList<PlaygroundLogEntry> Delivered, IReadOnlyList<BotReply> Replies)
{
    /// <summary>The bot's messages (typing indicators and other activities left out), as the user gets them.</summary>
    public IReadOnlyList<BotReply> Messages => [.. Replies.Where(r => r.IsMessage)];

    /// <summary>The HTTP status the bot answered for each delivered activity.</summary>
    public IReadOnlyList<int?> BotStatusCodes => [.. Delivered.Select(d => d.StatusCode)];

    /// <summary>All the text of the bot's messages and cards, for "does the reply say ..." checks.</summary>
    public string AllText => string.Join("\n---\n", Messages.Select(m => m.VisibleText));
}

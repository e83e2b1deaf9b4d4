namespace BotRuntime.AspNetCore.DirectLine;

public enum TurnOutcome
{
    Completed,
    Failed,
    TimedOut,
    ConversationGone,

    /// <summary>The conversation already has a turn running and one waiting: send again when they are answered.</summary>
    Busy,

    /// <summary>The client left (or the host is stopping) before the turn finished.</summary>
    Cancelled,
}

/// <summary>What became of a client's activity: the id it was given and how the bot's turn went.</summary>
public sealed record PostOutcome(TurnOutcome Outcome, string? Id);

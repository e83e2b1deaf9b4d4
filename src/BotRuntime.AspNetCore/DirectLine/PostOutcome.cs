namespace BotRuntime.AspNetCore.DirectLine;

public enum TurnOutcome
{
    Completed,
    Failed,
    TimedOut,
    ConversationGone,
}

/// <summary>What became of a client's activity: the id it was given and how the bot's turn went.</summary>
public sealed record PostOutcome(TurnOutcome Outcome, string? Id);

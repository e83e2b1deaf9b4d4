namespace BotRuntime.AspNetCore.DirectLine.Wire;

/// <summary>The answer to posting an activity: the id the channel gave it.</summary>
public sealed record PostActivityResponse(string Id);

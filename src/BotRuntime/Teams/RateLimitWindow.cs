namespace BotRuntime.Teams;

/// <summary>At most <see cref="PermitLimit"/> sends in any span of <see cref="Window"/>.</summary>
public readonly record struct RateLimitWindow(int PermitLimit, TimeSpan Window);

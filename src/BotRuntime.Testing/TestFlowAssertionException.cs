namespace BotRuntime.Testing;

/// <summary>A transcript step of a <see cref="TestFlow"/> did not see what it expected from the bot.</summary>
public sealed class TestFlowAssertionException(string message) : Exception(message);

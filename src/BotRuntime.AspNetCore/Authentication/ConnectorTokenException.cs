namespace BotRuntime.AspNetCore.Authentication;

/// <summary>No token for outbound calls could be obtained. The message names the endpoint's error code, never a secret.</summary>
public sealed class ConnectorTokenException(string message, Exception? innerException = null)
    : Exception(message, innerException);

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>The issuer's OpenID metadata or signing keys could not be fetched and no earlier copy is cached.</summary>
public sealed class SigningKeysUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);

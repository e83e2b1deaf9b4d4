namespace BotRuntime.AspNetCore.Http;

/// <summary>A parsed body, or the status, code and message to answer with.</summary>
public readonly record struct BodyResult<T>(T? Value, int ErrorStatus, string? ErrorCode, string? ErrorMessage)
    where T : class
{
    public bool Failed => ErrorStatus != 0;

    public static BodyResult<T> Fail(int status, string code, string message) => new(null, status, code, message);
}

using BotRuntime.AspNetCore.DirectLine.Wire;
using BotRuntime.AspNetCore.Http;
using BotRuntime.Builder;

namespace B12Bot.Hosting;

/// <summary>
/// The host's last line: an exception no handler caught is logged with its type and stack only (never its message,
/// which may quote a visitor's words) and answered with a short JSON 500, instead of the server's default log entry
/// that prints the whole exception.
/// </summary>
public sealed partial class RedactedExceptionMiddleware(RequestDelegate next, ILogger<RedactedExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; there is nobody to answer.
        }
        catch (Exception exception)
        {
            LogUnhandled(context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)", ExceptionLogText.TypeAndStack(exception));
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status500InternalServerError, "ServerError", "Something went wrong on the server; please try again.", context.RequestAborted);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} {Endpoint}: {TypeAndStack}")]
    private partial void LogUnhandled(string method, string endpoint, string typeAndStack);
}

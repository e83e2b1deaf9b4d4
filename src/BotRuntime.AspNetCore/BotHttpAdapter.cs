using System.Security.Claims;
using System.Text.Json;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.AspNetCore.Connector;
using BotRuntime.AspNetCore.Http;
using BotRuntime.Builder;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore;

/// <summary>
/// The adapter behind <c>POST /api/messages</c> (the SDK's CloudAdapter): parses and authenticates the activity, runs
/// the turn, and either answers with the buffered replies (expectReplies), the invoke response, or 200 while replies go
/// out through the Bot Connector API.
/// </summary>
public sealed partial class BotHttpAdapter : BotAdapter
{
    public const string IdentityKey = "BotIdentity";

    private readonly IBotAuthenticator _authenticator;
    private readonly BotConnectorClient _connector;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<BotHttpAdapter> _logger;

    public BotHttpAdapter(
        IBotAuthenticator authenticator,
        BotConnectorClient connector,
        ServiceUrlPolicy serviceUrls,
        IOptions<BotFrameworkOptions> options,
        TimeProvider time,
        ILogger<BotHttpAdapter> logger,
        IEnumerable<BotRuntime.Builder.IMiddleware> middleware,
        ITurnErrorHandler? errorHandler = null)
    {
        _authenticator = authenticator;
        _connector = connector;
        _serviceUrls = serviceUrls;
        _options = options.Value;
        _time = time;
        _logger = logger;
        foreach (var item in middleware)
        {
            Use(item);
        }

        if (errorHandler is not null)
        {
            OnTurnError = errorHandler.OnTurnErrorAsync;
        }
    }

    /// <summary>Handles one HTTP request to the messaging endpoint. Bad input gets a 4xx with a JSON error, never a 500.</summary>
    public async Task ProcessAsync(HttpContext httpContext, IBot bot, CancellationToken cancellationToken = default)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Use POST to send an activity.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var parsed = await ReadActivityAsync(request, cancellationToken).ConfigureAwait(false);
        if (parsed.Activity is null)
        {
            await WriteErrorAsync(response, parsed.Status, parsed.Code, parsed.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var activity = parsed.Activity;
        var authentication = await _authenticator.AuthenticateAsync(activity, request.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null, cancellationToken).ConfigureAwait(false);
        if (!authentication.Succeeded)
        {
            LogRefused(authentication.StatusCode, activity.ChannelId);
            await WriteErrorAsync(response, authentication.StatusCode, authentication.StatusCode == 401 ? "Unauthorized" : "Forbidden", authentication.Error ?? "Not allowed.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!IsAnsweredInResponse(activity) && !HasAllowedServiceUrl(activity))
        {
            // Refused before the turn runs, so no reply (and no retry) is ever aimed at the named address.
            LogRefused(StatusCodes.Status403Forbidden, activity.ChannelId);
            await WriteErrorAsync(response, StatusCodes.Status403Forbidden, "Forbidden", "The activity's serviceUrl is not an allowed Bot Connector host.", cancellationToken).ConfigureAwait(false);
            return;
        }

        activity.CallerId = authentication.CallerId;
        InvokeResponse? result;
        List<Activity>? replies = null;
        try
        {
            using var context = await RunTurnAsync(authentication.Identity!, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
            if (!activity.IsType(ActivityTypes.Invoke) && context.IsExpectingReplies)
            {
                // Written straight to the response below: no JSON document built first and copied.
                replies = context.BufferedReplyActivities;
                result = null;
            }
            else
            {
                result = ResultOf(context, activity);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Only reached when the turn failed and the error handler failed too (for example the connector is down).
            LogTurnFailed(ex.GetType().Name);
            await WriteErrorAsync(response, StatusCodes.Status502BadGateway, "BotError", "The bot could not complete this turn.", cancellationToken).ConfigureAwait(false);
            return;
        }

        if (replies is not null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(response.BodyWriter);
            JsonSerializer.Serialize(writer, new ExpectedReplies { Activities = replies }, BotJsonContext.Default.ExpectedReplies);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = result.Status;
        if (result.Body is { } body)
        {
            response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(response.BodyWriter);
            body.WriteTo(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs one already-authenticated activity through the pipeline. Returns the invoke response, the expected replies
    /// (as the JSON body /api/messages answers with), or null for an ordinary activity.
    /// </summary>
    public async Task<InvokeResponse?> ProcessActivityAsync(ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        using var context = await RunTurnAsync(identity, activity, callback, cancellationToken).ConfigureAwait(false);
        return ResultOf(context, activity);
    }

    /// <summary>The invoke response, the expected replies as a JSON body, or null for an ordinary activity.</summary>
    private static InvokeResponse? ResultOf(TurnContext context, Activity activity)
    {
        if (activity.IsType(ActivityTypes.Invoke))
        {
            var invokeResponse = context.TurnState.Get<Activity>(InvokeResponseKey);
            if (invokeResponse?.Value is { } value)
            {
                return value.Deserialize(BotJsonContext.Default.InvokeResponse) ?? new InvokeResponse { Status = StatusCodes.Status501NotImplemented };
            }

            return new InvokeResponse { Status = StatusCodes.Status501NotImplemented };
        }

        if (context.IsExpectingReplies)
        {
            var replies = new ExpectedReplies { Activities = context.BufferedReplyActivities };
            return new InvokeResponse { Status = StatusCodes.Status200OK, Body = JsonSerializer.SerializeToElement(replies, BotJsonContext.Default.ExpectedReplies) };
        }

        return null;
    }

    /// <summary>
    /// Runs one already-authenticated activity through the pipeline as <c>expectReplies</c> and returns the bot's replies
    /// as they were sent, for an in-process channel (Direct Line) that stores them itself: no JSON round trip. An invoke
    /// gets no replies here (its answer is the invoke response, which such a channel has no use for).
    /// </summary>
    public async Task<IReadOnlyList<Activity>> ProcessActivityForRepliesAsync(ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var context = await RunTurnAsync(identity, activity, callback, cancellationToken).ConfigureAwait(false);
        return activity.IsType(ActivityTypes.Invoke) ? [] : context.BufferedReplyActivities;
    }

    private async Task<TurnContext> RunTurnAsync(ClaimsIdentity identity, Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(activity);
        var context = new TurnContext(this, activity);
        try
        {
            context.TurnState[IdentityKey] = identity;
            await RunPipelineAsync(context, callback, cancellationToken).ConfigureAwait(false);
            return context;
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity.IsType(ActivityTypes.Delay))
            {
                var milliseconds = activity.Value is { ValueKind: JsonValueKind.Number } v && v.TryGetInt32(out var ms) ? ms : 1000;
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(milliseconds, 0, 10_000)), _time, cancellationToken).ConfigureAwait(false);
                responses[i] = new ResourceResponse();
            }
            else if (activity.IsType(ActivityTypes.Trace) && activity.ChannelId != Channels.Emulator)
            {
                // Traces are for the Emulator only, as in the SDK.
                responses[i] = new ResourceResponse();
            }
            else
            {
                responses[i] = await _connector.SendAsync(activity, cancellationToken).ConfigureAwait(false);
            }
        }

        return responses;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        _connector.UpdateAsync(activity, cancellationToken);

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        _connector.DeleteAsync(reference, cancellationToken);

    /// <summary>expectReplies turns answer in the HTTP response and send nothing to the serviceUrl.</summary>
    private static bool IsAnsweredInResponse(Activity activity) =>
        string.Equals(activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    private bool HasAllowedServiceUrl(Activity activity) =>
        Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) && _serviceUrls.IsAllowed(serviceUrl);

    /// <summary>Reads the body with the edge's shared bounded reader (the same as Direct Line's) and checks it is an activity.</summary>
    private async Task<ParsedRequest> ReadActivityAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await JsonHttp.ReadJsonAsync(request, _options.MaxRequestBodyBytes, BotJsonContext.Default.Activity, cancellationToken).ConfigureAwait(false);
        if (body.Failed)
        {
            return body.ErrorStatus == StatusCodes.Status400BadRequest
                ? ParsedRequest.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The request body is not valid activity JSON.")
                : ParsedRequest.Fail(body.ErrorStatus, body.ErrorCode!, body.ErrorMessage!);
        }

        var activity = body.Value;
        if (activity is null)
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The request body is empty; it must be one activity.");
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no type.");
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no conversation.id.");
        }

        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return ParsedRequest.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The activity has no channelId.");
        }

        return new ParsedRequest(activity, 200, string.Empty, string.Empty);
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string code, string message, CancellationToken cancellationToken) =>
        JsonHttp.WriteErrorAsync(response, status, code, message, cancellationToken);

    private readonly record struct ParsedRequest(Activity? Activity, int Status, string Code, string Message)
    {
        public static ParsedRequest Fail(int status, string code, string message) => new(null, status, code, message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an activity on channel {ChannelId} with status {Status}")]
    private partial void LogRefused(int status, string? channelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn failed and could not be recovered ({ExceptionType})")]
    private partial void LogTurnFailed(string exceptionType);
}

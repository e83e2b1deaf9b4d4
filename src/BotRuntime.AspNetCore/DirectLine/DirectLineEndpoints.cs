using System.Globalization;
using System.Security.Cryptography;
using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using BotRuntime.AspNetCore.DirectLine.Tokens;
using BotRuntime.AspNetCore.DirectLine.Wire;
using BotRuntime.AspNetCore.Http;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST and WebSocket endpoints under <see cref="BasePath"/>. Handlers are plain request delegates
/// (no per-request reflection); every refusal is a 4xx with <c>{"error":{"code","message"}}</c>.
/// Status codes follow directlinejs: 403 for a bad, expired or foreign token, 404 for an unknown conversation.
/// </summary>
public static class DirectLineEndpoints
{
    public const string BasePath = "/v3/directline";

    private static readonly HashSet<string> ClientActivityTypes = new(StringComparer.Ordinal)
    {
        ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.MessageReaction,
    };

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/tokens/generate", GenerateTokenAsync);
        group.MapPost("/tokens/refresh", RefreshTokenAsync);
        group.MapPost("/conversations", WhileStoreAnswers(StartConversationAsync));
        group.MapGet("/conversations/{conversationId}", WhileStoreAnswers(ReconnectAsync));
        group.MapGet("/conversations/{conversationId}/activities", WhileStoreAnswers(GetActivitiesAsync));
        group.MapPost("/conversations/{conversationId}/activities", WhileStoreAnswers(PostActivityAsync)).RequireRateLimiting(DirectLineRateLimits.ActivityPostsPolicy);
        group.MapPost("/conversations/{conversationId}/upload", WhileStoreAnswers(UploadAsync));
        group.MapGet("/conversations/{conversationId}/stream", WhileStoreAnswers(StreamAsync));
    }

    /// <summary>
    /// A history store that cannot be reached (a shared database down, after its retries) is a 503 the client retries,
    /// not a 500: directlinejs treats 5xx on a post as "retry", and the visitor's conversation is still there later.
    /// </summary>
    private static RequestDelegate WhileStoreAnswers(RequestDelegate handler) => async context =>
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (BotRuntime.Storage.StorageUnavailableException) when (!context.Response.HasStarted)
        {
            context.Response.Headers.RetryAfter = "5";
            await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "StoreUnavailable", "The chat cannot reach its memory right now; please try again in a moment.", context.RequestAborted).ConfigureAwait(false);
        }
    };

    /// <summary>The site owner's server exchanges the secret for a token bound to a new conversation (and, if given, a user).</summary>
    private static async Task GenerateTokenAsync(HttpContext context)
    {
        var services = Services.From(context);
        var caller = await services.Caller.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (caller.Kind != CallerKind.Secret)
        {
            await RefuseAsync(context, caller, secretRequired: true).ConfigureAwait(false);
            return;
        }

        var body = await JsonHttp.ReadJsonAsync(context.Request, services.Options.MaxActivityBytes, DirectLineJsonContext.Default.ConversationParametersBody, context.RequestAborted).ConfigureAwait(false);
        if (body.Failed)
        {
            await JsonHttp.WriteErrorAsync(context.Response, body.ErrorStatus, body.ErrorCode!, body.ErrorMessage!, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var userId = body.Value?.User?.Id;
        if (userId is not null && !DirectLineIds.IsValidUserId(userId))
        {
            await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", "user.id must be 1 to 64 printable characters.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var conversationId = DirectLineIds.NewConversationId();
        var info = new ConversationInfo
        {
            ConversationId = conversationId,
            Token = services.Tokens.Issue(conversationId, userId ?? DirectLineIds.NewUserId()),
            ExpiresIn = ExpiresIn(services, null),
        };
        await JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, info, DirectLineJsonContext.Default.ConversationInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>A fresh token for the same conversation and user, while the current one is still valid.</summary>
    private static async Task RefreshTokenAsync(HttpContext context)
    {
        var services = Services.From(context);
        var caller = await services.Caller.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (caller.Kind != CallerKind.Token)
        {
            await RefuseAsync(context, caller, secretRequired: false).ConfigureAwait(false);
            return;
        }

        var info = new ConversationInfo
        {
            ConversationId = caller.ConversationId,
            // The conversation's end comes from the old token: refreshing never extends a conversation.
            Token = services.Tokens.Issue(caller.ConversationId!, caller.UserId, caller.ConversationEndsAt),
            ExpiresIn = ExpiresIn(services, caller.ConversationEndsAt),
        };
        await JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, info, DirectLineJsonContext.Default.ConversationInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the token's conversation (or, with the secret, a new one): 201 and the bot's welcome turn the first time,
    /// 200 without a new welcome when that conversation was already started.
    /// </summary>
    private static async Task StartConversationAsync(HttpContext context)
    {
        var services = Services.From(context);
        var caller = await services.Caller.AuthenticateAsync(context.Request).ConfigureAwait(false);
        if (caller.Kind is not (CallerKind.Token or CallerKind.Secret))
        {
            await RefuseAsync(context, caller, secretRequired: false).ConfigureAwait(false);
            return;
        }

        var body = await JsonHttp.ReadJsonAsync(context.Request, services.Options.MaxActivityBytes, DirectLineJsonContext.Default.ConversationParametersBody, context.RequestAborted).ConfigureAwait(false);
        if (body.Failed)
        {
            await JsonHttp.WriteErrorAsync(context.Response, body.ErrorStatus, body.ErrorCode!, body.ErrorMessage!, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        // The user named in the token wins; a client may name itself only outside the reserved "dl_" space.
        var requestedUser = body.Value?.User?.Id;
        var userId = caller.UserId
                     ?? (requestedUser is not null && DirectLineIds.IsValidUserId(requestedUser) && !requestedUser.StartsWith("dl_", StringComparison.Ordinal) ? requestedUser : null)
                     ?? DirectLineIds.NewUserId();
        var conversationId = caller.Kind == CallerKind.Token ? caller.ConversationId! : DirectLineIds.NewConversationId();
        var conversation = new DirectLineConversation(
            conversationId,
            userId,
            DirectLineIds.Truncate(body.Value?.User?.Name, 100),
            DirectLineIds.IsPlausibleLocale(body.Value?.Locale) ? body.Value!.Locale : null,
            services.Time.GetUtcNow());

        var baseUrl = PublicBaseUrl(context, services.Options);
        var created = await services.Channel.StartConversationAsync(conversation, baseUrl, context.RequestAborted).ConfigureAwait(false);
        var ends = caller.Kind == CallerKind.Token ? caller.ConversationEndsAt : conversation.CreatedAt + services.Options.ConversationLifetime;
        var tokenUser = caller.Kind == CallerKind.Token ? caller.UserId : userId;
        var info = new ConversationInfo
        {
            ConversationId = conversationId,
            Token = services.Tokens.Issue(conversationId, tokenUser, ends),
            ExpiresIn = ExpiresIn(services, ends),
            StreamUrl = StreamUrl(baseUrl, conversationId, services.Tokens.IssueStreamTicket(conversationId, tokenUser, ends), null),
        };
        await JsonHttp.WriteJsonAsync(context.Response, created ? StatusCodes.Status201Created : StatusCodes.Status200OK, info, DirectLineJsonContext.Default.ConversationInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reconnect: a fresh token and a stream URL that replays from the watermark.</summary>
    private static async Task ReconnectAsync(HttpContext context)
    {
        var (services, caller, conversation) = await AuthorizeConversationAsync(context).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        if (!ActivitySetWriter.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            await BadWatermarkAsync(context).ConfigureAwait(false);
            return;
        }

        // A reconnect, like a refresh, keeps the conversation's end.
        var ends = caller.Kind == CallerKind.Token ? caller.ConversationEndsAt : conversation.CreatedAt + services.Options.ConversationLifetime;
        var tokenUser = caller.Kind == CallerKind.Token ? caller.UserId : conversation.UserId;
        var info = new ConversationInfo
        {
            ConversationId = conversation.Id,
            Token = services.Tokens.Issue(conversation.Id, tokenUser, ends),
            ExpiresIn = ExpiresIn(services, ends),
            StreamUrl = StreamUrl(PublicBaseUrl(context, services.Options), conversation.Id, services.Tokens.IssueStreamTicket(conversation.Id, tokenUser, ends), watermark),
        };
        await JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, info, DirectLineJsonContext.Default.ConversationInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Polling: the activities after the watermark, in order, with the new watermark.</summary>
    private static async Task GetActivitiesAsync(HttpContext context)
    {
        // The read itself answers whether the conversation is live (and counts as activity on it): no separate lookup,
        // which on a shared store would be one more round trip per poll.
        var (services, _, conversationId) = await AuthorizeCallerAsync(context).ConfigureAwait(false);
        if (conversationId is null)
        {
            return;
        }

        if (!ActivitySetWriter.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            await BadWatermarkAsync(context).ConfigureAwait(false);
            return;
        }

        var page = await services.Store.ReadAsync(conversationId, watermark, services.Options.MaxActivitiesPerSet, context.RequestAborted).ConfigureAwait(false);
        if (page is null)
        {
            await ConversationNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        ActivitySetWriter.Write(response.BodyWriter, page.Activities, page.Watermark);
        await response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// One activity from the client: stored and echoed, handed to the bot, answered with its id once the bot has
    /// answered; 502 when the bot failed or did not answer in time.
    /// </summary>
    private static async Task PostActivityAsync(HttpContext context)
    {
        var (services, _, conversationId) = await AuthorizeCallerAsync(context).ConfigureAwait(false);
        if (conversationId is null)
        {
            return;
        }

        var options = services.Options;
        var body = await JsonHttp.ReadJsonAsync(context.Request, options.MaxActivityBytes, BotJsonContext.Default.Activity, context.RequestAborted).ConfigureAwait(false);
        if (body.Failed)
        {
            await JsonHttp.WriteErrorAsync(context.Response, body.ErrorStatus, body.ErrorCode!, body.ErrorMessage!, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var problem = Validate(body.Value, options);
        if (problem is not null)
        {
            await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, problem.Value.Code, problem.Value.Message, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var conversation = await services.Channel.FindForPostAsync(conversationId, body.Value!, context.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            await ConversationNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        var outcome = await services.Channel.PostActivityAsync(conversation, body.Value!, PublicBaseUrl(context, options), context.RequestAborted).ConfigureAwait(false);
        switch (outcome.Outcome)
        {
            case TurnOutcome.Completed:
                await JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, new PostActivityResponse(outcome.Id!), DirectLineJsonContext.Default.PostActivityResponse, context.RequestAborted).ConfigureAwait(false);
                break;
            case TurnOutcome.ConversationGone:
                await ConversationNotFoundAsync(context).ConfigureAwait(false);
                break;
            case TurnOutcome.Busy:
                context.Response.Headers.RetryAfter = "1";
                await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status429TooManyRequests, "TurnInProgress", "The bot is still answering this conversation's earlier messages; send this one again when they are answered.", context.RequestAborted).ConfigureAwait(false);
                break;
            case TurnOutcome.Cancelled when context.RequestAborted.IsCancellationRequested:
                // The client has gone: there is nobody to answer.
                break;
            case TurnOutcome.TimedOut:
                await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status502BadGateway, "BotTimeout", "The bot did not answer in time; its answer will appear when it comes.", context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status502BadGateway, "BotRejectedActivity", "The bot could not handle this activity.", context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    private static async Task UploadAsync(HttpContext context)
    {
        var (_, _, conversation) = await AuthorizeConversationAsync(context).ConfigureAwait(false);
        if (conversation is null)
        {
            return;
        }

        await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "UploadNotSupported", "This channel does not accept file uploads.", context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The WebSocket stream. The token comes in the URL (<c>?t=</c>), as browsers cannot set headers on a WebSocket.</summary>
    private static async Task StreamAsync(HttpContext context)
    {
        var services = Services.From(context);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", "Connect to the stream with a WebSocket.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        string? credential = context.Request.Query["t"];
        var caller = string.IsNullOrEmpty(credential)
            ? await services.Caller.AuthenticateAsync(context.Request).ConfigureAwait(false)
            : await services.Caller.AuthenticateStreamTicketAsync(credential).ConfigureAwait(false);
        var conversationId = (string)context.GetRouteValue("conversationId")!;
        if (!caller.MayUse(conversationId))
        {
            await RefuseAsync(context, caller, secretRequired: false, conversationId).ConfigureAwait(false);
            return;
        }

        if (await services.Store.GetAsync(conversationId, context.RequestAborted).ConfigureAwait(false) is null)
        {
            await ConversationNotFoundAsync(context).ConfigureAwait(false);
            return;
        }

        if (!ActivitySetWriter.TryParseWatermark(context.Request.Query["watermark"], out var watermark))
        {
            await BadWatermarkAsync(context).ConfigureAwait(false);
            return;
        }

        var admission = services.StreamLimits.TryOpen(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", services.Hub.HasStream(conversationId));
        using var lease = admission.Lease;
        if (admission.Refusal != StreamRefusal.None)
        {
            await TooManyStreamsAsync(context, admission.Refusal).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        using var subscription = services.Hub.Subscribe(conversationId);
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, services.Lifetime.ApplicationStopping);
        var session = new DirectLineStreamSession(socket, services.Store, subscription, watermark, services.Options.MaxActivitiesPerSet, services.Options.KeepAliveInterval, services.Time);
        await session.RunAsync(ending.Token).ConfigureAwait(false);
    }

    /// <summary>The route's conversation id when the caller's token (or the secret) may use it; otherwise refuses and returns null.</summary>
    private static async Task<(Services Services, DirectLineCaller Caller, string? ConversationId)> AuthorizeCallerAsync(HttpContext context)
    {
        var services = Services.From(context);
        var caller = await services.Caller.AuthenticateAsync(context.Request).ConfigureAwait(false);
        var conversationId = (string)context.GetRouteValue("conversationId")!;
        if (!caller.MayUse(conversationId))
        {
            await RefuseAsync(context, caller, secretRequired: false, conversationId).ConfigureAwait(false);
            return (services, caller, null);
        }

        return (services, caller, conversationId);
    }

    private static async Task<(Services Services, DirectLineCaller Caller, DirectLineConversation? Conversation)> AuthorizeConversationAsync(HttpContext context)
    {
        var (services, caller, conversationId) = await AuthorizeCallerAsync(context).ConfigureAwait(false);
        if (conversationId is null)
        {
            return (services, caller, null);
        }

        var conversation = await services.Store.GetAsync(conversationId, context.RequestAborted).ConfigureAwait(false);
        if (conversation is null)
        {
            await ConversationNotFoundAsync(context).ConfigureAwait(false);
        }

        return (services, caller, conversation);
    }

    private static (string Code, string Message)? Validate(Activity? activity, DirectLineOptions options)
    {
        if (activity is null)
        {
            return ("MissingProperty", "The body must be one activity.");
        }

        if (string.IsNullOrEmpty(activity.Type))
        {
            return ("MissingProperty", "The activity has no type.");
        }

        if (!ClientActivityTypes.Contains(activity.Type))
        {
            return ("BadArgument", "A client may send message, event, typing, messageReaction and endOfConversation activities only.");
        }

        if (activity.Text is { } text && text.Length > options.MaxTextLength)
        {
            return ("BadArgument", $"The message text is longer than {options.MaxTextLength.ToString(CultureInfo.InvariantCulture)} characters.");
        }

        if (activity.IsType(ActivityTypes.Event) && string.IsNullOrWhiteSpace(activity.Name))
        {
            return ("MissingProperty", "An event activity needs a name.");
        }

        return null;
    }

    private static Task RefuseAsync(HttpContext context, DirectLineCaller caller, bool secretRequired, string? conversationId = null) => caller.Kind switch
    {
        CallerKind.Missing => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status401Unauthorized, "MissingToken", "Send 'Authorization: Bearer <token>'.", context.RequestAborted),
        CallerKind.Invalid => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "BadToken", "The token is not valid.", context.RequestAborted),
        CallerKind.ExpiredToken => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired; get a new one.", context.RequestAborted),
        _ when secretRequired => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "SecretRequired", "Generating a token needs the Direct Line secret.", context.RequestAborted),
        CallerKind.Secret => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "TokenRequired", "Refreshing needs a token, not the secret.", context.RequestAborted),
        _ when conversationId is not null => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "ConversationMismatch", "The token is for another conversation.", context.RequestAborted),
        _ => JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "Forbidden", "Not allowed.", context.RequestAborted),
    };

    /// <summary>A stream over this instance's limits: 503 when the instance is full (another may have room), 429 when the address is.</summary>
    private static Task TooManyStreamsAsync(HttpContext context, StreamRefusal refusal)
    {
        context.Response.Headers.RetryAfter = "30";
        return refusal == StreamRefusal.InstanceFull
            ? JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status503ServiceUnavailable, "TooManyStreams", "This server holds as many chat connections as it can; try again in a moment.", context.RequestAborted)
            : JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status429TooManyRequests, "TooManyStreams", "Too many chat connections are open from this address; close some or try again later.", context.RequestAborted);
    }

    private static Task ConversationNotFoundAsync(HttpContext context) =>
        JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, "BadConversation", "The conversation does not exist or has ended.", context.RequestAborted);

    private static Task BadWatermarkAsync(HttpContext context) =>
        JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be empty or a watermark returned by this channel.", context.RequestAborted);

    /// <summary>Seconds until the issued token expires: its lifetime, or less when the conversation ends sooner.</summary>
    private static int ExpiresIn(Services services, DateTimeOffset? conversationEndsAt)
    {
        var lifetime = services.Tokens.Lifetime;
        if (conversationEndsAt is { } ends && ends - services.Time.GetUtcNow() < lifetime)
        {
            lifetime = ends - services.Time.GetUtcNow();
        }

        return Math.Max(0, (int)lifetime.TotalSeconds);
    }

    /// <summary>scheme://host[:port][/pathbase] as the client sees this host, or the configured public URL.</summary>
    public static string PublicBaseUrl(HttpContext context, DirectLineOptions options) =>
        !string.IsNullOrEmpty(options.PublicBaseUrl)
            ? options.PublicBaseUrl.TrimEnd('/')
            : string.Concat(context.Request.Scheme, "://", context.Request.Host.ToUriComponent(), context.Request.PathBase.ToUriComponent());

    /// <summary>The WebSocket URL with a short-lived stream ticket (never the conversation token) in <c>?t=</c>.</summary>
    private static string StreamUrl(string baseUrl, string conversationId, string ticket, long? watermark)
    {
        var socketBase = baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "wss://" + baseUrl["https://".Length..]
            : baseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "ws://" + baseUrl["http://".Length..]
            : baseUrl;
        var url = string.Concat(socketBase, BasePath, "/conversations/", Uri.EscapeDataString(conversationId), "/stream?t=", Uri.EscapeDataString(ticket));
        return watermark is > 0 ? string.Concat(url, "&watermark=", ActivitySetWriter.FormatWatermark(watermark.Value)) : url;
    }

    /// <summary>The singletons a handler needs, resolved once per request.</summary>
    private readonly record struct Services(
        DirectLineCallerAuthenticator Caller,
        DirectLineTokenService Tokens,
        IConversationHistoryStore Store,
        DirectLineChannel Channel,
        ConversationStreamHub Hub,
        StreamLimits StreamLimits,
        DirectLineOptions Options,
        TimeProvider Time,
        IHostApplicationLifetime Lifetime)
    {
        public static Services From(HttpContext context)
        {
            var provider = context.RequestServices;
            return new Services(
                provider.GetRequiredService<DirectLineCallerAuthenticator>(),
                provider.GetRequiredService<DirectLineTokenService>(),
                provider.GetRequiredService<IConversationHistoryStore>(),
                provider.GetRequiredService<DirectLineChannel>(),
                provider.GetRequiredService<ConversationStreamHub>(),
                provider.GetRequiredService<StreamLimits>(),
                provider.GetRequiredService<IOptions<DirectLineOptions>>().Value,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IHostApplicationLifetime>());
        }
    }
}

using System.Globalization;
using System.Threading.RateLimiting;
using BotRuntime.AspNetCore.DirectLine.Wire;
using BotRuntime.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// ASP.NET Core rate limiting for the public Direct Line surface: activity posts per conversation (every token of a
/// conversation, refreshed or not, shares one budget) and new chat tokens per client address (the address after
/// forwarded headers from known proxies, so visitors behind the site's proxy do not share one budget). A refusal is
/// 429 with Retry-After and the channel's JSON error.
/// </summary>
public static class DirectLineRateLimits
{
    public const string ActivityPostsPolicy = "DirectLineActivityPosts";
    public const string WebChatTokensPolicy = "WebChatTokens";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<DirectLineOptions>>((limiter, directLine) =>
        {
            var options = directLine.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(ActivityPostsPolicy, context => Window(
                "posts:" + (context.GetRouteValue("conversationId") as string ?? string.Empty),
                options.ActivityPostsPerMinute));
            limiter.AddPolicy(WebChatTokensPolicy, context => Window(
                "tokens:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                options.TokenRequestsPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> Window(string key, int permitsPerMinute) =>
        permitsPerMinute <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permitsPerMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = rejected.HttpContext.Request.Path.StartsWithSegments(WebChatPageEndpoints.BasePath, StringComparison.Ordinal)
            ? "Too many chat sessions were started from this address; try again in a minute."
            : "Too many messages in this conversation; wait a moment before sending more.";
        return new ValueTask(JsonHttp.WriteErrorAsync(response, StatusCodes.Status429TooManyRequests, "Throttled", message, cancellationToken));
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Limits how many tokens (new conversations) one client address gets per minute from the public token endpoint, so a
/// script cannot push real visitors' conversations out of the bounded history.
/// </summary>
public sealed class WebChatTokenRateLimiter : IDisposable
{
    private static readonly RateLimitLease Unlimited = new UnlimitedLease();
    private readonly PartitionedRateLimiter<HttpContext>? _limiter;

    public WebChatTokenRateLimiter(IOptions<DirectLineOptions> options)
    {
        var permits = options.Value.TokenRequestsPerMinute;
        if (permits > 0)
        {
            _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        }
    }

    public RateLimitLease TryAcquire(HttpContext context) => _limiter?.AttemptAcquire(context) ?? Unlimited;

    public void Dispose() => _limiter?.Dispose();

    private sealed class UnlimitedLease : RateLimitLease
    {
        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}

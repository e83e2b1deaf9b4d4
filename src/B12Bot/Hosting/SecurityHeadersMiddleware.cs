using BotRuntime.AspNetCore.DirectLine;
using Microsoft.Extensions.Options;

namespace B12Bot.Hosting;

/// <summary>
/// Response headers on everything the host serves. The content security policy is a header (a &lt;meta&gt; policy
/// cannot carry frame-ancestors): only this site's scripts run, the page connects only to itself and the configured
/// Direct Line, and only this site and DirectLine:AllowedOrigins may frame it. nosniff keeps JSON and text from being
/// run as script, and no referrer leaves the page (its URLs never carry anything, but a visitor's path is theirs).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<DirectLineOptions> directLine)
{
    private readonly string _policy = ContentSecurityPolicy(directLine.Value);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }

    public static string ContentSecurityPolicy(DirectLineOptions options)
    {
        // 'self' covers the page's own origin (and, in current browsers, its ws/wss); the public URL's socket origin is
        // named as well so that older browsers reach the stream.
        var connect = new List<string> { "'self'" };
        AddOrigin(connect, options.PublicBaseUrl, withSocket: true);
        AddOrigin(connect, options.WebChat.Domain, withSocket: true);
        AddOrigin(connect, options.WebChat.TokenUrl, withSocket: false);

        var ancestors = options.AllowedOrigins.Contains("*") ? ["*"] : new List<string> { "'self'" }.Concat(options.AllowedOrigins).Distinct(StringComparer.OrdinalIgnoreCase);
        return string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            // Web Chat injects its styles at run time.
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "media-src 'self' data: blob:",
            "connect-src " + string.Join(' ', connect),
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors " + string.Join(' ', ancestors));
    }

    private static void AddOrigin(List<string> sources, string? url, bool withSocket)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return;
        }

        var origin = uri.GetLeftPart(UriPartial.Authority);
        if (!sources.Contains(origin))
        {
            sources.Add(origin);
        }

        if (withSocket)
        {
            var socket = (uri.Scheme == Uri.UriSchemeHttps ? "wss://" : "ws://") + uri.Authority;
            if (!sources.Contains(socket))
            {
                sources.Add(socket);
            }
        }
    }
}

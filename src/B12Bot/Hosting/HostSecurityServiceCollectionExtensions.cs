using System.Net;
using BotRuntime.AspNetCore.DirectLine;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace B12Bot.Hosting;

/// <summary>
/// The host's edge: forwarded headers from known proxies only, host filtering, the public URL required in Production,
/// response headers and a last-resort exception handler that logs no message text.
/// </summary>
public static class HostSecurityServiceCollectionExtensions
{
    public static WebApplicationBuilder AddHostSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var forwarded = configuration.GetSection(ForwardedHeadersSettings.SectionName).Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        builder.Services.AddSingleton(forwarded);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = Math.Max(1, forwarded.ForwardLimit);
            // Only what is configured: ASP.NET Core's default trusts loopback, which would let anything on this
            // machine (or a misrouted request) choose its own client address.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in forwarded.KnownProxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address : throw new OptionsValidationException(ForwardedHeadersSettings.SectionName, typeof(ForwardedHeadersSettings), [$"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."]));
            }

            foreach (var network in forwarded.KnownNetworks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed : throw new OptionsValidationException(ForwardedHeadersSettings.SectionName, typeof(ForwardedHeadersSettings), [$"ForwardedHeaders:KnownNetworks: '{network}' is not a network like 10.0.0.0/8."]));
            }
        });

        // PublicBaseUrl is what the page and the stream URLs are built from; without it they would echo the request's
        // Host header. In Production it is required, and it also decides which Host headers are accepted.
        builder.Services.AddOptions<DirectLineOptions>()
            .Validate(o => !environment.IsProduction() || !string.IsNullOrWhiteSpace(o.PublicBaseUrl),
                "DirectLine:PublicBaseUrl is required in Production: the address visitors use for the chat, e.g. https://chat.clinic.example.")
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsBaseUrl(o.PublicBaseUrl),
                "DirectLine:PublicBaseUrl must be an absolute http(s) URL without query or fragment, e.g. https://chat.clinic.example.");
        if (environment.IsProduction() && string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<DirectLineOptions>>((filtering, directLine) =>
            {
                // The public host, plus loopback names for health probes and a proxy on the same machine.
                var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
                if (Uri.TryCreate(directLine.Value.PublicBaseUrl, UriKind.Absolute, out var publicUrl))
                {
                    hosts.Insert(0, publicUrl.Host);
                }

                filtering.AllowedHosts = hosts;
            });
        }

        return builder;
    }

    /// <summary>Outermost first: exceptions, forwarded headers (before anything reads the client address), headers.</summary>
    public static WebApplication UseHostSecurity(this WebApplication app)
    {
        app.UseMiddleware<RedactedExceptionMiddleware>();
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        return app;
    }

    private static bool IsBaseUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

namespace B12Bot.Hosting;

/// <summary>
/// The reverse proxies whose X-Forwarded-For / X-Forwarded-Proto the host believes, bound from "ForwardedHeaders".
/// Empty (the default): the headers are ignored, so a client cannot pick its own address for the rate limits.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.4" or "127.0.0.1" for a proxy on the same machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/8".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to unwrap (one for a single reverse proxy).</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

namespace TestSupport;

/// <summary>
/// How the browser tests launch Debian's /usr/bin/chromium (driven by Playwright's .NET driver; no browser is
/// downloaded). The projects that use Playwright pass these to BrowserTypeLaunchOptions.
/// </summary>
public static class HeadlessChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Fails with what to do when the browser is missing.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: install Debian's chromium (apt-get install -y chromium). build/test.sh does this on a fresh machine.");
        }
    }
}

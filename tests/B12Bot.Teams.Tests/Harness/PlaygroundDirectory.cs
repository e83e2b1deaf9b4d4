using System.Reflection;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// tests/B12Bot.Teams.Tests/playground: the pinned npm install of the Agents Playground (build/test.sh runs
/// <c>npm ci</c> there), its mock-tenant configuration and the loopback preload. Recorded at build time, so it is found
/// wherever the test binaries were built.
/// </summary>
public static class PlaygroundDirectory
{
    public static string Path { get; } = typeof(PlaygroundDirectory).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PlaygroundDirectory").Value!;

    public static string ConfigFile => System.IO.Path.Combine(Path, ".m365agentsplayground.yml");

    public static string LoopbackPreload => System.IO.Path.Combine(Path, "loopback-preload.cjs");

    /// <summary>The package's own launcher (node_modules/.bin/agentsplayground, a node script).</summary>
    public static string Launcher => System.IO.Path.Combine(Path, "node_modules", ".bin", "agentsplayground");

    public static void EnsureInstalled()
    {
        if (!File.Exists(Launcher))
        {
            throw new InvalidOperationException(
                $"The Agents Playground is not installed: {Launcher} is missing. Run `npm ci` in {Path} (build/test.sh does).");
        }
    }
}

using System.Reflection;

namespace BotRuntime.Authentication.Tests.Support;

public static class RepositoryPaths
{
    /// <summary>The repository this test assembly was built from (recorded at build time, since builds go to other folders).</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}

using System.Reflection;

namespace BotRuntime.Storage.Tests.Servers;

internal static class RepositoryPaths
{
    /// <summary>The repository root, stamped into test assemblies by Directory.Build.props.</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "RepositoryRoot").Value!;
}

using System.Reflection;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>Folders of the repository this test assembly was built from (recorded at build time).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string HostProject => Path.Combine(Root, "src", "B12Bot");

    public static string WebRoot => Path.Combine(HostProject, "wwwroot");
}

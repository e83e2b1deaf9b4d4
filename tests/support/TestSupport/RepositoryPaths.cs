using System.Reflection;
using System.Runtime.CompilerServices;

namespace TestSupport;

/// <summary>Folders of the repository the tests were built from (recorded at build time, since builds go elsewhere).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>The host project (src/B12Bot): its content root.</summary>
    public static string HostProject => Path.Combine(Root, "src", "B12Bot");

    public static string WebRoot => Path.Combine(HostProject, "wwwroot");

    /// <summary>The team's development set: shared/eval/dev-set.json beside the repository, or the copy in eval/.</summary>
    public static string DevSet
    {
        get
        {
            var shared = Path.Combine(Root, "..", "shared", "eval", "dev-set.json");
            return File.Exists(shared) ? shared : Path.Combine(Root, "eval", "dev-set.json");
        }
    }

    /// <summary>A file in the Data folder of the test project whose source calls this.</summary>
    public static string TestData(string name, [CallerFilePath] string callerSourceFile = "")
    {
        var folder = new DirectoryInfo(Path.GetDirectoryName(callerSourceFile)!);
        while (folder is not null && folder.GetFiles("*.csproj").Length == 0)
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException($"No test project above {callerSourceFile}."), "Data", name);
    }
}

using System.Runtime.CompilerServices;

namespace B12Bot.Conversation.Tests.Support;

/// <summary>Finds the repository from this source file, so tests work whatever --artifacts-path the build used.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>The team's development set: shared/eval/dev-set.json beside the repository, or the copy in eval/.</summary>
    public static string DevSet
    {
        get
        {
            var shared = Path.Combine(Root, "..", "shared", "eval", "dev-set.json");
            return File.Exists(shared) ? shared : Path.Combine(Root, "eval", "dev-set.json");
        }
    }

    public static string TestData(string name) => Path.Combine(Root, "tests", "B12Bot.Conversation.Tests", "Data", name);

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "B12Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (B12Bot.sln) above " + sourceFile);
    }
}

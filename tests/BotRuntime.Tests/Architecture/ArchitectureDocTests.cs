using System.Text.RegularExpressions;

namespace BotRuntime.Tests.Architecture;

/// <summary>docs/architecture.md is a newcomer's map of a turn: every file it names must be there to open.</summary>
public sealed partial class ArchitectureDocTests
{
    [Fact]
    public void Every_file_the_architecture_page_names_exists()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f).Replace('\\', '/'))
            .ToList();

        var named = CodeSpan().Matches(page).Select(m => m.Groups[1].Value)
            .Where(name => name.EndsWith(".cs", StringComparison.Ordinal) || name.StartsWith("src/", StringComparison.Ordinal) || name.StartsWith("tests/", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        var missing = named.Where(name => !sources.Any(file => Names(name, file))).ToList();

        Assert.True(named.Count > 20, $"The page names only {named.Count} files: was it read?");
        Assert.True(missing.Count == 0, "Named on docs/architecture.md but not in the repository: " + string.Join(", ", missing));
    }

    /// <summary>A path from the root (src/..., with * for any characters), a folder, or a file name with the folders before it.</summary>
    private static bool Names(string name, string file)
    {
        var pattern = "^" + Regex.Escape(name.TrimEnd('/')).Replace(@"\*", "[^/]*", StringComparison.Ordinal);
        return name.StartsWith("src/", StringComparison.Ordinal) || name.StartsWith("tests/", StringComparison.Ordinal)
            ? Regex.IsMatch(file, pattern + "($|/)")
            : file.EndsWith("/" + name, StringComparison.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}

using B12Bot.Tests.Support;

namespace B12Bot.Tests.ContentReload;

/// <summary>A copy of the shipped dialogs/ folder that a test edits as a clinic's content editor would, deleted afterwards.</summary>
public sealed class EditableDialogsFolder : IDisposable
{
    public EditableDialogsFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "b12bot-dialogs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var file in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Root, "dialogs")))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    /// <summary>Saves <paramref name="file"/> with <paramref name="find"/> replaced (the text must be there once).</summary>
    public string Replace(string file, string find, string replacement)
    {
        var text = Read(file);
        Assert.Equal(1, CountOf(text, find));
        var edited = text.Replace(find, replacement, StringComparison.Ordinal);
        Write(file, edited);
        return edited;
    }

    public void Write(string file, string text) => File.WriteAllText(System.IO.Path.Combine(Path, file), text);

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="find"/>.</summary>
    public static int LineOf(string text, string find) =>
        Array.FindIndex(text.Split('\n'), line => line.Contains(find, StringComparison.Ordinal)) + 1;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A watcher still closing: the temporary folder is cleaned up by the system.
        }
    }

    private static int CountOf(string text, string find)
    {
        var count = 0;
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + find.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

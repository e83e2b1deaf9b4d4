using B12Bot.Conversation.Content;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Safety;

/// <summary>The clinic edits the backstop's examples in dialogs/safety.yaml: a mistake stops start-up with its file and line.</summary>
public sealed class SafetyBackstopContentTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12-backstop-" + Guid.NewGuid().ToString("N"));

    public SafetyBackstopContentTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_backstop_has_crisis_emergency_poisoning_and_reaction_examples_and_near_misses()
    {
        var backstop = B12ContentLoader.Load(_folder).Safety.Backstop;

        Assert.Equal([TriageClass.None, TriageClass.PossibleReaction, TriageClass.Poisoning, TriageClass.Crisis, TriageClass.Emergency],
            backstop.Classes.Select(c => c.Class).Order());
        Assert.All(backstop.Classes, c => Assert.True(c.Examples.Count >= 8, $"{c.Class}: {c.Examples.Count} examples"));
    }

    [Fact]
    public void An_unknown_backstop_class_names_its_line()
    {
        var line = Replace("    poisoning:\n      threshold:", "    poisonning:\n      threshold:");

        Assert.Contains($"safety.yaml:{line}: backstop class 'poisonning' is not one of", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_threshold_that_is_not_a_similarity_names_its_line()
    {
        var line = Replace("    crisis:\n      threshold: 0.5", "    crisis:\n      threshold: 50") + 1;

        Assert.Contains($"safety.yaml:{line}: 'threshold' of backstop class 'crisis' must be a number between 0 and 1", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_without_a_threshold_is_rejected()
    {
        Replace("    emergency:\n      threshold: 0.66\n", "    emergency:\n");

        Assert.Contains("backstop class 'emergency' is missing 'threshold'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_without_a_backstop_still_loads_and_the_rules_work_alone()
    {
        var path = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("\nsemantic_backstop:", StringComparison.Ordinal)] + "\n");

        Assert.True(B12ContentLoader.Load(_folder).Safety.Backstop.IsEmpty);
    }

    private string LoadMessage() => Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Message;

    /// <summary>Replaces the first <paramref name="oldText"/> in safety.yaml; returns the 1-based line where it starts.</summary>
    private int Replace(string oldText, string newText)
    {
        var path = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in safety.yaml");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }
}

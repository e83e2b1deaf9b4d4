using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// The reviewed content in the repository's dialogs/ folder, read directly from the YAML (not through the bot), so the
/// tests can check that what Teams shows is the clinic's text and not something else.
/// </summary>
public static partial class ClinicContent
{
    /// <summary>The emergency number the host is configured with (appsettings.json, B12Bot:EmergencyNumber).</summary>
    public const string EmergencyNumber = "911";

    private static readonly string DialogsFolder = RepositoryPaths.Dialogs;

    private static readonly Lazy<YamlMappingNode> Faq = new(() => Load("faq.yaml"));
    private static readonly Lazy<YamlMappingNode> Messages = new(() => Load("messages.yaml"));
    private static readonly Lazy<YamlMappingNode> Safety = new(() => Load("safety.yaml"));
    private static readonly Lazy<YamlMappingNode> Walkthrough = new(() => Load("walkthrough.yaml"));

    /// <summary>The answer of FAQ entry <paramref name="id"/>, with the emergency number filled in.</summary>
    public static string FaqAnswer(string id) => Fill(Scalar(FaqEntry(id), "answer"));

    /// <summary>The button label of FAQ entry <paramref name="id"/>.</summary>
    public static string FaqTitle(string id) => Scalar(FaqEntry(id), "title");

    public static IReadOnlyList<string> MainTopics =>
        [.. ((YamlSequenceNode)Messages.Value.Children[new YamlScalarNode("main_topics")]).Children.Cast<YamlScalarNode>().Select(n => n.Value!)];

    /// <summary>One of the bot's fixed texts in messages.yaml (welcome, help, fallback...).</summary>
    public static string Text(string key) => Fill(Scalar((YamlMappingNode)Messages.Value.Children[new YamlScalarNode("texts")], key));

    public static string UrgentMessage => Fill(Scalar(Safety.Value, "urgent_message"));

    /// <summary>The symptom check's question <paramref name="id"/> as the bot asks it.</summary>
    public static string WalkthroughPrompt(string id) =>
        Fill(Scalar(((YamlSequenceNode)Walkthrough.Value.Children[new YamlScalarNode("questions")]).Children.Cast<YamlMappingNode>()
            .Single(question => Scalar(question, "id") == id), "prompt"));

    /// <summary>
    /// The first sentence of <paramref name="text"/> in the form <see cref="Normalize"/> gives, to look for in a reply
    /// whatever line breaks or Markdown the channel applied.
    /// </summary>
    public static string FirstSentence(string text)
    {
        var normalized = Normalize(text);
        var end = normalized.IndexOfAny(['.', '!', '?']);
        return end < 0 ? normalized : normalized[..(end + 1)];
    }

    /// <summary>Text without Markdown emphasis and links (a tap-to-call "[911](tel:911)" reads "911"), with all whitespace runs as one space.</summary>
    public static string Normalize(string text) => Whitespace().Replace(MarkdownLink().Replace(text, "$1").Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal), " ").Trim();

    private static YamlMappingNode FaqEntry(string id) =>
        ((YamlSequenceNode)Faq.Value.Children[new YamlScalarNode("entries")]).Children.Cast<YamlMappingNode>()
            .Single(entry => Scalar(entry, "id") == id);

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static string Fill(string text) => text.Replace("{emergencyNumber}", EmergencyNumber, StringComparison.Ordinal);

    private static YamlMappingNode Load(string file)
    {
        using var reader = new StreamReader(Path.Combine(DialogsFolder, file));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)\s]+\)")]
    private static partial Regex MarkdownLink();
}

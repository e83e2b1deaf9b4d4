using System.Collections.Concurrent;

namespace B12Bot.Conversation.Faq;

/// <summary>
/// The matcher's readings of recently seen messages, by exact text: a repeated question or a button press (its title)
/// is read once per content snapshot, not on every turn. A reading depends only on the text and the snapshot's content,
/// so a cached one is the same answer. Bounded: two generations of at most <see cref="GenerationSize"/> texts each; when
/// the newer one fills, the older one is dropped (texts still in use move to the newer one when next asked).
/// Like the embedding cache, it holds message text in memory only, never in logs or storage.
/// </summary>
internal sealed class RecentMatches
{
    /// <summary>Texts per generation.</summary>
    internal const int GenerationSize = 2048;

    /// <summary>Longer messages are rare as repeats and would hold more text in memory: they are read every time.</summary>
    internal const int MaxTextLength = 300;

    private ConcurrentDictionary<string, FaqMatch> _newer = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, FaqMatch> _older = new(StringComparer.Ordinal);
    private readonly Lock _rotating = new();

    public bool TryGet(string text, out FaqMatch match)
    {
        if (Volatile.Read(ref _newer).TryGetValue(text, out match!))
        {
            return true;
        }

        if (Volatile.Read(ref _older).TryGetValue(text, out match!))
        {
            Add(text, match);
            return true;
        }

        return false;
    }

    public void Add(string text, FaqMatch match)
    {
        if (text.Length > MaxTextLength)
        {
            return;
        }

        var newer = Volatile.Read(ref _newer);
        if (newer.Count >= GenerationSize)
        {
            lock (_rotating)
            {
                if (ReferenceEquals(newer, _newer))
                {
                    Volatile.Write(ref _older, newer);
                    Volatile.Write(ref _newer, new ConcurrentDictionary<string, FaqMatch>(StringComparer.Ordinal));
                }

                newer = _newer;
            }
        }

        newer.TryAdd(text, match);
    }
}

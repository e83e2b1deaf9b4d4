namespace B12Bot.Conversation.Understanding;

/// <summary>
/// Splits texts waiting for the model into model calls. A call pads every text to its longest one, and each call also
/// has a fixed cost (streaming the model's weights through the cache): texts of similar length go together, and a text
/// gets a call of its own only when the padding it would cause costs more than a call does.
/// </summary>
internal static class EmbeddingBatchPlanner
{
    /// <summary>
    /// The fixed cost of one model call, in word pieces: a one-message call costs about as much as this many extra word
    /// pieces in a shared call (bench embedder-profile: 5.9 ms for one 8-piece message alone against 3.6 ms in calls of
    /// 32, at about 0.35-0.45 ms per word piece, on this 2-core AVX2 machine: about 5-6), rounded up for the call's
    /// own set-up, so a split must save clearly more than noise.
    /// </summary>
    internal const int CallCostInWordPieces = 8;

    /// <summary>
    /// The calls for texts of <paramref name="lengths"/> word pieces, each a list of indexes into it, shortest texts
    /// first; every call holds at most <paramref name="maxBatchSize"/> texts and, padded, at most
    /// <paramref name="maxBatchTokens"/> word pieces (a text alone may exceed that).
    /// </summary>
    public static List<int[]> Plan(IReadOnlyList<int> lengths, int maxBatchSize, int maxBatchTokens)
    {
        var count = lengths.Count;
        var order = Enumerable.Range(0, count).OrderBy(i => lengths[i]).ToArray();

        // Cheapest split of the sorted texts: best[j] is the least cost of the first j, cut[j] where its last call starts.
        var best = new long[count + 1];
        var cut = new int[count + 1];
        for (var end = 1; end <= count; end++)
        {
            best[end] = long.MaxValue;
            var width = lengths[order[end - 1]];
            for (var start = end - 1; start >= 0 && end - start <= maxBatchSize; start--)
            {
                var texts = end - start;
                if (texts > 1 && (long)texts * width > maxBatchTokens)
                {
                    break;
                }

                var cost = best[start] + CallCostInWordPieces + ((long)texts * width);
                if (cost < best[end])
                {
                    best[end] = cost;
                    cut[end] = start;
                }
            }
        }

        var calls = new List<int[]>();
        for (var end = count; end > 0; end = cut[end])
        {
            calls.Add(order[cut[end]..end]);
        }

        calls.Reverse();
        return calls;
    }
}

namespace B12Bot.Conversation.Understanding;

/// <summary>A bounded least-recently-used map from prepared message text to its embedding, safe for concurrent turns.</summary>
internal sealed class EmbeddingCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<KeyValuePair<string, float[]>>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<KeyValuePair<string, float[]>> recency = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public bool TryGet(string key, out float[] vector)
    {
        if (capacity > 0)
        {
            lock (gate)
            {
                if (entries.TryGetValue(key, out var node))
                {
                    recency.Remove(node);
                    recency.AddFirst(node);
                    vector = node.Value.Value;
                    return true;
                }
            }
        }

        vector = [];
        return false;
    }

    public void Add(string key, float[] vector)
    {
        if (capacity == 0)
        {
            return;
        }

        lock (gate)
        {
            if (entries.ContainsKey(key))
            {
                return;
            }

            if (entries.Count >= capacity)
            {
                var oldest = recency.Last!;
                recency.RemoveLast();
                entries.Remove(oldest.Value.Key);
            }

            entries[key] = recency.AddFirst(new KeyValuePair<string, float[]>(key, vector));
        }
    }
}

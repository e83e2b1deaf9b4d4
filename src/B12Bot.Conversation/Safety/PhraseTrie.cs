namespace B12Bot.Conversation.Safety;

/// <summary>
/// The safety phrases as a word trie in flat arrays: the clinic's alternatives expand to well over a hundred thousand
/// phrases that share most of their words ("(my|his|her) (lips|tongue) (is|are) (swelling|swollen)"), so each shared
/// start is held once, and a message word is looked up among a node's children instead of against every phrase that
/// begins with the same word. Built once at start; read-only and thread-safe after.
/// </summary>
internal sealed class PhraseTrie
{
    private readonly Dictionary<string, int> _firstWords;

    // The children of node n are _childWords/_childNodes[_childStart[n] .. _childStart[n + 1]), sorted ordinally.
    private readonly int[] _childStart;
    private readonly string[] _childWords;
    private readonly int[] _childNodes;

    // The classes of the phrase ending at node n are _classes[_classStart[n] .. _classStart[n + 1]), in the order added.
    private readonly int[] _classStart;
    private readonly int[] _classes;

    // The order in which each phrase was first added (-1: no phrase ends here).
    private readonly int[] _ordinals;

    private PhraseTrie(Dictionary<string, int> firstWords, int[] childStart, string[] childWords, int[] childNodes, int[] classStart, int[] classes, int[] ordinals)
    {
        _firstWords = firstWords;
        _childStart = childStart;
        _childWords = childWords;
        _childNodes = childNodes;
        _classStart = classStart;
        _classes = classes;
        _ordinals = ordinals;
    }

    /// <summary>The node reached by a phrase's first word, or -1.</summary>
    public int First(string word) => _firstWords.TryGetValue(word, out var node) ? node : -1;

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="word"/>, or -1.</summary>
    public int Child(int node, string word)
    {
        var low = _childStart[node];
        var high = _childStart[node + 1] - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var order = string.CompareOrdinal(_childWords[middle], word);
            if (order == 0)
            {
                return _childNodes[middle];
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    public bool HasChildren(int node) => _childStart[node + 1] > _childStart[node];

    /// <summary>The order in which the phrase ending at <paramref name="node"/> was first added, or -1 when none ends there.</summary>
    public int Ordinal(int node) => _ordinals[node];

    /// <summary>The classes of the phrase ending at <paramref name="node"/> (empty when none ends there).</summary>
    public ReadOnlySpan<int> Classes(int node) => _classes.AsSpan(_classStart[node], _classStart[node + 1] - _classStart[node]);

    /// <summary>Collects phrases and their classes, then lays them out in flat arrays.</summary>
    public sealed class Builder
    {
        private const int Root = 0;
        private readonly Dictionary<(int Parent, string Word), int> _edges = [];
        private readonly List<int> _ordinals = [-1];
        private readonly List<int> _firstEntry = [-1];
        private readonly List<int> _lastEntry = [-1];
        private readonly List<(int Class, int Next)> _entries = [];
        private int _phraseCount;

        /// <summary>Adds a phrase of <paramref name="words"/> (at least one) to <paramref name="cls"/>; adding it again is a no-op.</summary>
        public void Add(string[] words, int cls)
        {
            var node = Root;
            foreach (var word in words)
            {
                if (!_edges.TryGetValue((node, word), out var child))
                {
                    child = _ordinals.Count;
                    _edges[(node, word)] = child;
                    _ordinals.Add(-1);
                    _firstEntry.Add(-1);
                    _lastEntry.Add(-1);
                }

                node = child;
            }

            if (_ordinals[node] < 0)
            {
                _ordinals[node] = _phraseCount++;
            }

            for (var e = _firstEntry[node]; e >= 0; e = _entries[e].Next)
            {
                if (_entries[e].Class == cls)
                {
                    return;
                }
            }

            _entries.Add((cls, -1));
            var entry = _entries.Count - 1;
            if (_lastEntry[node] < 0)
            {
                _firstEntry[node] = entry;
            }
            else
            {
                _entries[_lastEntry[node]] = (_entries[_lastEntry[node]].Class, entry);
            }

            _lastEntry[node] = entry;
        }

        public PhraseTrie Build()
        {
            var nodeCount = _ordinals.Count;
            var childStart = new int[nodeCount + 1];
            foreach (var ((parent, _), _) in _edges)
            {
                childStart[parent + 1]++;
            }

            for (var n = 0; n < nodeCount; n++)
            {
                childStart[n + 1] += childStart[n];
            }

            var childWords = new string[_edges.Count];
            var childNodes = new int[_edges.Count];
            var cursor = childStart[..nodeCount];
            foreach (var ((parent, word), child) in _edges)
            {
                var at = cursor[parent]++;
                childWords[at] = word;
                childNodes[at] = child;
            }

            for (var n = 0; n < nodeCount; n++)
            {
                var count = childStart[n + 1] - childStart[n];
                if (count > 1)
                {
                    Array.Sort(childWords, childNodes, childStart[n], count, StringComparer.Ordinal);
                }
            }

            var firstWords = new Dictionary<string, int>(childStart[1] - childStart[0], StringComparer.Ordinal);
            for (var c = childStart[Root]; c < childStart[Root + 1]; c++)
            {
                firstWords[childWords[c]] = childNodes[c];
            }

            var classStart = new int[nodeCount + 1];
            var classes = new int[_entries.Count];
            var written = 0;
            for (var n = 0; n < nodeCount; n++)
            {
                classStart[n] = written;
                for (var e = _firstEntry[n]; e >= 0; e = _entries[e].Next)
                {
                    classes[written++] = _entries[e].Class;
                }
            }

            classStart[nodeCount] = written;
            return new PhraseTrie(firstWords, childStart, childWords, childNodes, classStart, classes, [.. _ordinals]);
        }
    }
}

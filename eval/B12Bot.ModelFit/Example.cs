using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>One training message with its evidence, and the intent it asks for (-1: out of scope).</summary>
internal sealed class Example
{
    private Example(string text, int[] acceptable, string source, LexicalEvidence lexical, SemanticEvidence semantic, bool noTerms)
    {
        Text = text;
        Acceptable = acceptable;
        Source = source;
        Lexical = lexical;
        Semantic = semantic;
        NoTerms = noTerms;
    }

    public string Text { get; }

    /// <summary>The intents whose reply would be right (empty: the message is out of scope).</summary>
    public int[] Acceptable { get; }

    public bool InScope => Acceptable.Length > 0;

    public bool IsRight(int intent) => Array.IndexOf(Acceptable, intent) >= 0;

    public string Source { get; }

    public LexicalEvidence Lexical { get; }

    public SemanticEvidence Semantic { get; }

    /// <summary>No content words at all: the matcher never scores such a message.</summary>
    public bool NoTerms { get; }

    public static Example Score(string text, int[] acceptable, string source, TermAnalyzer analyzer, LexicalScorer scorer, SemanticIndex semantic,
        Func<IReadOnlyList<string>, IReadOnlyList<float[]>> embed)
    {
        var analyzed = analyzer.Analyze(text);
        return new Example(text, acceptable, source, scorer.Score(analyzed), semantic.Score(embed([text])[0]), analyzed.Terms.Count == 0);
    }

    public double[] CandidateFeatures(int intent)
    {
        var features = new double[UnderstandingFeatures.CandidateNames.Length];
        UnderstandingFeatures.Candidate(intent, Lexical, Semantic, features);
        return features;
    }

    public double[] ScopeFeatures()
    {
        var features = new double[UnderstandingFeatures.ScopeNames.Length];
        UnderstandingFeatures.Scope(Lexical, Semantic, features);
        return features;
    }

    public Prediction Predict(LogisticModel candidate, LogisticModel scope, int intentCount)
    {
        var probabilities = new double[intentCount];
        for (var i = 0; i < intentCount; i++)
        {
            probabilities[i] = candidate.Score(CandidateFeatures(i));
        }

        DecisionPolicy.Softmax(probabilities);

        return new Prediction(probabilities, DecisionPolicy.ScopeProbability(Lexical, scope.Probability(ScopeFeatures())));
    }
}

internal sealed record Prediction(double[] Probabilities, double Scope)
{
    public int[] Ranked()
    {
        var order = Enumerable.Range(0, Probabilities.Length).ToArray();
        Array.Sort(order, (a, b) => Probabilities[b].CompareTo(Probabilities[a]));
        return order;
    }
}

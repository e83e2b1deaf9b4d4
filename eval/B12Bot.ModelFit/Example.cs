using B12Bot.Conversation.Text;
using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>One training message with its evidence, and the intent it asks for (-1: out of scope).</summary>
internal sealed class Example
{
    private Example(string text, int[] acceptable, string source, LexicalEvidence lexical, SemanticEvidence semantic, SemanticEvidence staticSemantic, bool noTerms)
    {
        StaticSemantic = staticSemantic;
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

    /// <summary>The same from static word-piece vectors (the cascade's first stage).</summary>
    public SemanticEvidence StaticSemantic { get; }

    /// <summary>No content words at all: the matcher never scores such a message.</summary>
    public bool NoTerms { get; }

    public static Example Score(string text, int[] acceptable, string source, TermAnalyzer analyzer, LexicalScorer scorer, SemanticIndex semantic,
        Func<IReadOnlyList<string>, IReadOnlyList<float[]>> embed, SemanticIndex staticSemantic)
    {
        // As the matcher reads it: the whole message and, for a story that ends in a question, its question sentence.
        var analyzed = analyzer.Analyze(text);
        var question = analyzed.QuestionSentence;
        var vectors = embed(question is null ? [text] : [text, question]);
        var meaning = semantic.Score(vectors[0]).CloserOf(question is null ? null : semantic.Score(vectors[1]));
        var staticMeaning = staticSemantic.Score(StaticSentenceEmbedder.Instance.Embed(text))
            .CloserOf(question is null ? null : staticSemantic.Score(StaticSentenceEmbedder.Instance.Embed(question)));
        return new Example(text, acceptable, source, scorer.Score(analyzed), meaning, staticMeaning, analyzed.Terms.Count == 0);
    }

    /// <param name="firstStage">Static-semantic evidence (the cascade's first stage) instead of the sentence model's.</param>
    public double[] CandidateFeatures(int intent, bool firstStage = false)
    {
        var features = new double[UnderstandingFeatures.CandidateNames.Length];
        UnderstandingFeatures.Candidate(intent, Lexical, firstStage ? StaticSemantic : Semantic, features);
        return features;
    }

    public double[] ScopeFeatures(bool firstStage = false)
    {
        var features = new double[UnderstandingFeatures.ScopeNames.Length];
        UnderstandingFeatures.Scope(Lexical, firstStage ? StaticSemantic : Semantic, features);
        return features;
    }

    public Prediction Predict(LogisticModel candidate, LogisticModel scope, int intentCount, bool firstStage = false)
    {
        var probabilities = new double[intentCount];
        for (var i = 0; i < intentCount; i++)
        {
            probabilities[i] = candidate.Score(CandidateFeatures(i, firstStage));
        }

        DecisionPolicy.Softmax(probabilities);

        return new Prediction(probabilities, DecisionPolicy.ScopeProbability(Lexical, scope.Probability(ScopeFeatures(firstStage))));
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

using System.Text.Json;
using System.Text.Json.Serialization;
using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The calibrated understanding model (dialogs/understanding-model.json), written by the fitting command
/// (<c>dotnet run --project eval/B12Bot.ModelFit</c>): which intent a message asks for, whether it is about B12 care,
/// and the thresholds chosen from the measured precision curve.
/// </summary>
public sealed record UnderstandingModel
{
    public const string FileName = "understanding-model.json";

    [JsonPropertyName("about")]
    public string About { get; init; } = "";

    /// <summary>Hash of the content the model was fitted on (faq.yaml, walkthrough.yaml, language.yaml), for the record.</summary>
    [JsonPropertyName("content_hash")]
    public string ContentHash { get; init; } = "";

    [JsonPropertyName("candidate")]
    public required LogisticModel Candidate { get; init; }

    [JsonPropertyName("scope")]
    public required LogisticModel Scope { get; init; }

    /// <summary>A best intent this likely is answered.</summary>
    [JsonPropertyName("answer_threshold")]
    public required double AnswerThreshold { get; init; }

    /// <summary>Two intents both at least this likely (and neither answerable) get "did you mean".</summary>
    [JsonPropertyName("clarify_threshold")]
    public required double ClarifyThreshold { get; init; }

    /// <summary>A message less likely than this to be about B12 care gets the scope statement.</summary>
    [JsonPropertyName("scope_threshold")]
    public required double ScopeThreshold { get; init; }

    /// <summary>
    /// Where the scope model is unsure (from <see cref="ScopeThreshold"/> up to <see cref="UnsureScopeBand.Below"/>), a
    /// message is read as about B12 care only when one intent is clearly what it asks. Null: no such band.
    /// </summary>
    [JsonPropertyName("unsure_scope")]
    public UnsureScopeBand? UnsureScope { get; init; }

    /// <summary>Whether a reading gets the scope statement (the rule the fitting command measures with too).</summary>
    public bool IsOutOfScope(double scopeProbability, double bestIntentProbability) =>
        UnsureScopeBand.IsOutOfScope(scopeProbability, bestIntentProbability, ScopeThreshold, UnsureScope);

    /// <summary>
    /// The same model over lexical and static-semantic evidence (<see cref="StaticSentenceEmbedder"/>, no transformer):
    /// the cascade's first stage. Null: every message goes to the sentence-embedding model.
    /// </summary>
    [JsonPropertyName("static_candidate")]
    public LogisticModel? StaticCandidate { get; init; }

    [JsonPropertyName("static_scope")]
    public LogisticModel? StaticScope { get; init; }

    /// <summary>Where the first stage's reading is decisive enough to skip the sentence-embedding model.</summary>
    [JsonPropertyName("cascade")]
    public CascadeBand? Cascade { get; init; }

    /// <summary>The figures the fitting command measured (cross-validated), for the record.</summary>
    [JsonPropertyName("fit")]
    public Dictionary<string, double> Fit { get; init; } = [];

    public static UnderstandingModel Load(string path)
    {
        var model = ModelFile.Read(path, UnderstandingJsonContext.Default.UnderstandingModel, "the understanding model");
        Check(path, "candidate", model.Candidate, UnderstandingFeatures.CandidateNames);
        Check(path, "scope", model.Scope, UnderstandingFeatures.ScopeNames);
        foreach (var (name, value) in new[] { ("answer_threshold", model.AnswerThreshold), ("clarify_threshold", model.ClarifyThreshold), ("scope_threshold", model.ScopeThreshold) })
        {
            if (value is < 0 or > 1 || double.IsNaN(value))
            {
                throw new InvalidOperationException($"{path}: {name} must be between 0 and 1; it is {value}.");
            }
        }

        if (model.UnsureScope is { } unsure && !(unsure.Below >= model.ScopeThreshold && unsure.Below <= 1.01 && unsure.AnswerAtLeast is >= 0 and <= 1.01))
        {
            throw new InvalidOperationException($"{path}: unsure_scope must have below between scope_threshold and 1.01 and answer_at_least between 0 and 1.01; run the fitting command.");
        }

        if (model.StaticCandidate is not null || model.StaticScope is not null || model.Cascade is not null)
        {
            if (model.StaticCandidate is null || model.StaticScope is null || model.Cascade is null)
            {
                throw new InvalidOperationException($"{path}: static_candidate, static_scope and cascade go together; run the fitting command.");
            }

            Check(path, "static_candidate", model.StaticCandidate, UnderstandingFeatures.CandidateNames);
            Check(path, "static_scope", model.StaticScope, UnderstandingFeatures.ScopeNames);
            model.Cascade.Check(path, model);
        }

        return model;
    }

    public string ToJson() => JsonSerializer.Serialize(this, UnderstandingJsonContext.Default.UnderstandingModel);

    private static void Check(string path, string name, LogisticModel part, string[] expected)
    {
        if (!part.Features.SequenceEqual(expected, StringComparer.Ordinal) || part.Weights.Length != expected.Length
            || part.Weights.Any(w => !double.IsFinite(w)) || !double.IsFinite(part.Bias))
        {
            throw new InvalidOperationException(
                $"{path}: the '{name}' model must have finite weights for the features [{string.Join(", ", expected)}]; "
                + "run the fitting command (dotnet run --project eval/B12Bot.ModelFit) after changing the features.");
        }
    }
}

/// <summary>
/// The band outside which the cascade's first stage decides alone: a message it finds out of scope with probability of
/// being about B12 care below <see cref="OutOfScopeBelow"/>, or in scope (at least <see cref="ScopeAtLeast"/>) with one
/// intent at least <see cref="AnswerAtLeast"/> likely. Fitted for a precision target on the dev sets; each bound is at
/// least as strict as the policy's own threshold, so a decision taken here is one the policy would take on the same reading.
/// </summary>
public sealed class CascadeBand
{
    [JsonPropertyName("answer_at_least")]
    public required double AnswerAtLeast { get; init; }

    [JsonPropertyName("scope_at_least")]
    public required double ScopeAtLeast { get; init; }

    [JsonPropertyName("out_of_scope_below")]
    public required double OutOfScopeBelow { get; init; }

    /// <summary>Whether the first stage's reading alone settles what the bot does (else the sentence-embedding model is asked).</summary>
    public bool Decides(IntentAssessment firstStage, LexicalEvidence lexical)
    {
        ArgumentNullException.ThrowIfNull(firstStage);
        return Decides(firstStage.ScopeProbability, firstStage.IntentProbabilities.Max(), lexical);
    }

    /// <summary>The same from the first stage's scope probability and its best intent's probability (the fitting command's readings).</summary>
    public bool Decides(double scopeProbability, double bestIntentProbability, LexicalEvidence lexical) =>
        (scopeProbability < OutOfScopeBelow && MaySayOutOfScopeAlone(lexical))
        || (scopeProbability >= ScopeAtLeast && bestIntentProbability >= AnswerAtLeast && MayAnswerAlone(lexical));

    /// <summary>
    /// A lexical score at least this high (most of the message's weighted words are an intent's words) keeps the
    /// first stage from giving the scope statement alone.
    /// </summary>
    public const double StrongLexicalMatch = 0.8;

    /// <summary>
    /// A walkthrough score at least this high also keeps the first stage from giving the scope statement alone: a request
    /// to be taken through the questions, after a story or a reason ("my GP appointment is next week, could you ask me
    /// the symptom questions"), reads far from the topics in static vectors, and the walkthrough is never a B12 answer.
    /// </summary>
    public const double WalkthroughAsked = 0.5;

    /// <summary>
    /// Whether the first stage may give the scope statement alone: only to a message that names neither B12 nor its shot
    /// and whose words do not plainly ask for one intent, unless they name another medicine, vitamin or condition ("can i
    /// take ibuprofen with my blood pressure pills" reads like the medicines entry in words). A long B12 story with another
    /// subject in it ("I take omeprazole for reflux... am I at risk of low B12?", "is it like a flu jab or worse?") reads
    /// far from every B12 topic in static vectors, and so does a short question whose words are an intent's own but carry
    /// no B12 word ("does it hurt lol", "which form is right for me"); the sentence-embedding model answers both
    /// (fresh-understanding-20..24 and the test set). Such a message costs the model little more: the safety backstop
    /// embeds every out-of-scope message anyway.
    /// </summary>
    public static bool MaySayOutOfScopeAlone(LexicalEvidence lexical)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        return !lexical.NamesB12 && (lexical.HasForeignSubject || (lexical.Scores.Max() < StrongLexicalMatch && lexical.WalkthroughScore < WalkthroughAsked));
    }

    /// <summary>
    /// Whether the first stage may give a B12 answer alone: only to a message that names no other medicine, vitamin, condition or test.
    /// A B12 story asking about melatonin, amlodipine or a thyroid tablet reads close to a B12 answer in static vectors;
    /// the sentence-embedding model tells such questions apart better (on two of four unseen batches it kept 3 more of 50
    /// out of scope, on the other two as many), and they are few, so they always go to it. Nor to a story that tells nerve
    /// symptoms before its question ("my feet have been numb for weeks and i'm wobbly on the stairs. what should i do?"):
    /// the question's own words point at next steps, while the answer the story needs is about the symptoms, which the
    /// model reading the whole message finds (fresh-understanding-26, -35 and -36). Nor the walkthrough to a question
    /// opened by a question word ("... which blood tests are normally done to find out if b12 is low?"): its words are the
    /// walkthrough's, but it asks for information.
    /// </summary>
    public static bool MayAnswerAlone(LexicalEvidence lexical)
    {
        ArgumentNullException.ThrowIfNull(lexical);
        return !lexical.HasForeignSubject && !lexical.StoryTellsSymptoms && !(lexical.WalkthroughLeads && lexical.LastClauseOpensWithQuestionWord);
    }

    internal void Check(string path, UnderstandingModel model)
    {
        if (!(AnswerAtLeast >= model.AnswerThreshold && AnswerAtLeast <= 1.01 && ScopeAtLeast >= model.ScopeThreshold && ScopeAtLeast <= 1.01
              && OutOfScopeBelow >= 0 && OutOfScopeBelow <= model.ScopeThreshold))
        {
            throw new InvalidOperationException(
                $"{path}: cascade must have answer_at_least between answer_threshold and 1.01, scope_at_least between scope_threshold and 1.01 "
                + "and out_of_scope_below between 0 and scope_threshold; run the fitting command.");
        }
    }
}

/// <summary>
/// The band where the scope model alone does not settle whether a message is about B12 care: from the scope threshold
/// up to <see cref="Below"/>. Fragments ("which route suits my case") and long stories read as vaguely about health, as
/// many questions about other things do; what tells them apart is whether one B12 intent is clearly what they ask. A
/// message in the band is answered when its best intent is at least <see cref="AnswerAtLeast"/> likely and gets the
/// scope statement otherwise. Chosen by the fitting command with the threshold, for the same out-of-scope target.
/// </summary>
public sealed class UnsureScopeBand
{
    [JsonPropertyName("below")]
    public required double Below { get; init; }

    [JsonPropertyName("answer_at_least")]
    public required double AnswerAtLeast { get; init; }

    /// <summary>Below the threshold, or in the band without one clearly likely intent: the scope statement.</summary>
    public static bool IsOutOfScope(double scopeProbability, double bestIntentProbability, double threshold, UnsureScopeBand? unsure) =>
        scopeProbability < threshold || (unsure is not null && scopeProbability < unsure.Below && bestIntentProbability < unsure.AnswerAtLeast);
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(UnderstandingModel))]
internal sealed partial class UnderstandingJsonContext : JsonSerializerContext;

using System.Diagnostics.Metrics;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Telemetry;

/// <summary>
/// What the clinic measures on the "B12Bot" meter: how questions were handled, escalations by class, walkthrough
/// starts and outcomes, consent and deletions. Tags are fixed vocabularies (an outcome, a class, a content id), never
/// message text. The question outcome is also left in the turn state for the opt-in transcript.
/// </summary>
public static class B12BotTelemetry
{
    public const string MeterName = "B12Bot";

    private const string QuestionOutcomeKey = "B12Bot.QuestionOutcome";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Questions = Meter.CreateCounter<long>("b12bot.questions", description: "Messages routed outside the walkthrough, by outcome (answered, clarified, out_of_scope, not_understood, small_talk, command)");
    private static readonly Counter<long> Escalations = Meter.CreateCounter<long>("b12bot.escalations", description: "Safety triage escalations by class");
    private static readonly Counter<long> Walkthroughs = Meter.CreateCounter<long>("b12bot.walkthrough", description: "Walkthroughs started, finished (by outcome id) and cancelled");
    private static readonly Counter<long> Privacy = Meter.CreateCounter<long>("b12bot.privacy", description: "Consent given or declined, data deleted");
    private static readonly Counter<long> Conversations = Meter.CreateCounter<long>("b12bot.conversations", description: "New conversations (welcomed once each)");
    private static readonly Counter<long> Handoffs = Meter.CreateCounter<long>("b12bot.handoffs", description: "Handoffs to a person by event (requested, taken, not_taken, callback_offered, callback_left)");
    private static readonly Histogram<double> HandoffWait = Meter.CreateHistogram<double>("b12bot.handoff.wait", unit: "s", description: "How long a visitor waited until a team member took the handoff");
    private static readonly Counter<long> ContentReloads = Meter.CreateCounter<long>("b12bot.content.reloads", description: "Edits of dialogs/ applied or refused without a restart");

    /// <summary>The outcome names of <see cref="FaqMatchKind"/> on the meter and in the transcript.</summary>
    public static string OutcomeName(FaqMatchKind kind) => kind switch
    {
        FaqMatchKind.Answer => QuestionOutcomes.Answered,
        FaqMatchKind.Ambiguous => QuestionOutcomes.Clarified,
        FaqMatchKind.OutOfScope => QuestionOutcomes.OutOfScope,
        FaqMatchKind.SmallTalk => "small_talk",
        FaqMatchKind.Command => "command",
        FaqMatchKind.StartWalkthrough => "walkthrough",
        FaqMatchKind.Empty => "empty",
        _ => QuestionOutcomes.NotUnderstood,
    };

    public static void Question(ITurnContext turnContext, FaqMatchKind kind)
    {
        var outcome = OutcomeName(kind);
        turnContext.TurnState[QuestionOutcomeKey] = outcome;
        Questions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>How this turn's question was handled, or null when it was not routed as a question.</summary>
    public static string? QuestionOutcomeOf(ITurnContext turnContext) =>
        turnContext.TurnState.TryGetValue(QuestionOutcomeKey, out var value) ? value as string : null;

    public static void Escalation(TriageClass triageClass) =>
        Escalations.Add(1, new KeyValuePair<string, object?>("class", ClassName(triageClass)));

    public static void WalkthroughStarted() => Walkthroughs.Add(1, new KeyValuePair<string, object?>("event", "started"));

    public static void WalkthroughFinished(string outcomeId) =>
        Walkthroughs.Add(1, new KeyValuePair<string, object?>("event", "finished"), new KeyValuePair<string, object?>("outcome", outcomeId));

    public static void WalkthroughCancelled() => Walkthroughs.Add(1, new KeyValuePair<string, object?>("event", "cancelled"));

    public static void ConsentAnswered(bool agreed) => Privacy.Add(1, new KeyValuePair<string, object?>("event", agreed ? "consent_given" : "consent_declined"));

    public static void ConversationStarted() => Conversations.Add(1);

    public static void HandoffRequested() => Handoffs.Add(1, new KeyValuePair<string, object?>("event", HandoffEvents.Requested));

    public static void HandoffTaken(TimeSpan waited)
    {
        Handoffs.Add(1, new KeyValuePair<string, object?>("event", HandoffEvents.Taken));
        HandoffWait.Record(Math.Max(0, waited.TotalSeconds));
    }

    public static void HandoffNotTaken() => Handoffs.Add(1, new KeyValuePair<string, object?>("event", HandoffEvents.NotTaken));

    public static void HandoffCallbackOffered() => Handoffs.Add(1, new KeyValuePair<string, object?>("event", HandoffEvents.CallbackOffered));

    public static void HandoffCallbackLeft() => Handoffs.Add(1, new KeyValuePair<string, object?>("event", HandoffEvents.CallbackLeft));

    /// <param name="outcome">"applied" or "refused".</param>
    public static void ContentReloaded(string outcome) => ContentReloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void DataDeleted() => Privacy.Add(1, new KeyValuePair<string, object?>("event", "data_deleted"));

    public static string ClassName(TriageClass triageClass) => triageClass switch
    {
        TriageClass.Emergency => "emergency",
        TriageClass.Crisis => "crisis",
        TriageClass.Poisoning => "poisoning",
        TriageClass.PossibleReaction => "possible_reaction",
        _ => "none",
    };
}

/// <summary>The question outcomes the clinic's reports group by.</summary>
public static class QuestionOutcomes
{
    public const string Answered = "answered";
    public const string Clarified = "clarified";
    public const string OutOfScope = "out_of_scope";
    public const string NotUnderstood = "not_understood";
}

/// <summary>The handoff events on the meter (the "event" tag of b12bot.handoffs).</summary>
public static class HandoffEvents
{
    public const string Requested = "requested";
    public const string Taken = "taken";
    public const string NotTaken = "not_taken";
    public const string CallbackOffered = "callback_offered";
    public const string CallbackLeft = "callback_left";
}

using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>
/// The cascade: the first stage (lexical + static word-piece vectors) answers what it reads decisively without the
/// sentence-embedding model; what it leaves undecided goes to the model, and waits for it while it is still loading.
/// </summary>
public sealed class CascadeTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    // Not a phrasing of the content word for word (those are recognised before any evidence is weighed).
    private const string Story = "hi, I'm 63 and how often do I need the b12 shot? thanks";

    [Fact]
    public void The_shipped_model_has_a_fitted_first_stage_and_band()
    {
        Assert.NotNull(fixture.Model.StaticCandidate);
        Assert.NotNull(fixture.Model.Cascade);
        Assert.True(fixture.Model.Cascade!.AnswerAtLeast >= fixture.Model.AnswerThreshold);
    }

    [Theory]
    [InlineData("hi, I'm 63 and how often do I need the b12 shot? thanks", "schedule_monitoring")]
    [InlineData("Hello there. I'm vegan and what are the side effects of b12 injections? cheers", "side_effects")]
    public async Task A_clear_question_is_answered_without_calling_the_model(string text, string expectedId)
    {
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, fixture.Model);

        var match = await matcher.MatchAsync(text);

        Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == expectedId, $"\"{text}\" -> {match}");
        Assert.Equal(0, model.Calls);
        Assert.Equal((1L, 0L), matcher.Routing);
    }

    [Fact]
    public async Task A_question_about_another_medicine_gets_the_scope_statement_without_calling_the_model()
    {
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, fixture.Model);

        var match = await matcher.MatchAsync("can i take ibuprofen with my blood pressure pills");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task A_b12_story_asking_about_another_subject_is_never_answered_by_the_first_stage_alone()
    {
        // Even a band that would let the first stage answer anything: naming another medicine or vitamin sends the
        // message to the model, which tells "a B12 story asking about melatonin" from a B12 question.
        var eager = WithBand(fixture.Model, new CascadeBand { AnswerAtLeast = fixture.Model.AnswerThreshold, ScopeAtLeast = fixture.Model.ScopeThreshold, OutOfScopeBelow = 0 });
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, eager);

        var match = await matcher.MatchAsync("my b12 jabs are going ok but i cant sleep at all, is melatonin worth a try");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Equal(1, model.Calls);
        Assert.Equal((0L, 1L), matcher.Routing);
    }

    [Theory]
    [InlineData(true, 0.3, false, false)]
    [InlineData(false, 0.3, false, true)]
    [InlineData(false, 0.9, false, false)]
    [InlineData(false, 0.9, true, true)]
    public void The_first_stage_says_out_of_scope_alone_only_to_a_message_naming_neither_b12_nor_its_shot_nor_plainly_asking_for_an_intent(
        bool namesB12, double bestLexicalScore, bool namesAnotherSubject, bool decides)
    {
        // A long B12 story with a party or another medicine in it can read far from every B12 topic in static vectors
        // (fresh-understanding-23: a med spa's "MIC + B12" menu, a wedding on the day of the jab), and so can a short
        // question in an intent's own words ("does it hurt lol"); the model answers both. Words naming another medicine
        // ("ibuprofen with my blood pressure pills") may read like the medicines entry: the first stage still decides those.
        var band = new CascadeBand { AnswerAtLeast = 0.55, ScopeAtLeast = 0.60, OutOfScopeBelow = 0.40 };
        var lexical = new LexicalEvidence([bestLexicalScore, 0.2]) { NamesB12 = namesB12, HasAnchor = namesB12, HasForeignSubject = namesAnotherSubject };

        Assert.Equal(decides, band.Decides(scopeProbability: 0.05, bestIntentProbability: 0.20, lexical));
    }

    [Fact]
    public void The_first_stage_does_not_say_out_of_scope_alone_to_a_message_whose_words_ask_for_the_walkthrough()
    {
        var band = new CascadeBand { AnswerAtLeast = 0.55, ScopeAtLeast = 0.60, OutOfScopeBelow = 0.40 };
        var asking = new LexicalEvidence([0.3, 0.2]) { WalkthroughScore = CascadeBand.WalkthroughAsked };
        var not = new LexicalEvidence([0.3, 0.2]) { WalkthroughScore = CascadeBand.WalkthroughAsked - 0.1 };

        Assert.False(band.Decides(scopeProbability: 0.05, bestIntentProbability: 0.20, asking));
        Assert.True(band.Decides(scopeProbability: 0.05, bestIntentProbability: 0.20, not));
    }

    [Fact]
    public async Task A_request_for_the_symptom_questions_after_a_reason_is_read_by_the_model_and_starts_the_walkthrough()
    {
        // fresh-understanding-26: "My GP appointment is next Thursday ... Could you ask me the symptom and risk
        // questions" got the scope statement from the first stage alone.
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, fixture.Model);

        var match = await matcher.MatchAsync("I see my doctor on Monday and want to be ready, can you go through the symptom and risk questions with me first");

        Assert.Equal(FaqMatchKind.StartWalkthrough, match.Kind);
    }

    [Theory]
    [InlineData("does it hurt lol", "does_it_hurt")]
    [InlineData("which form is right for me", "decision_framework")]
    public async Task A_short_question_in_an_intents_own_words_is_read_by_the_model_and_answered(string text, string expectedId)
    {
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, fixture.Model);

        var match = await matcher.MatchAsync(text);

        Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == expectedId, match.ToString());
        Assert.Equal(1, model.Calls);
    }

    [Fact]
    public async Task A_message_naming_neither_b12_nor_its_shot_may_be_put_out_of_scope_by_the_first_stage_alone()
    {
        var eager = WithBand(fixture.Model, new CascadeBand { AnswerAtLeast = 1.01, ScopeAtLeast = 1.01, OutOfScopeBelow = fixture.Model.ScopeThreshold });
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, eager);

        var match = await matcher.MatchAsync("what's the best thing for a migraine?");

        Assert.Equal(FaqMatchKind.OutOfScope, match.Kind);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task A_message_the_first_stage_leaves_undecided_goes_through_the_model_and_gets_its_answer()
    {
        // A band no first-stage reading reaches: every message is undecided.
        var undecided = WithBand(fixture.Model, new CascadeBand { AnswerAtLeast = 1.01, ScopeAtLeast = 1.01, OutOfScopeBelow = 0 });
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = Matcher(model, undecided);

        var match = await matcher.MatchAsync(Story);

        Assert.True(match.Kind == FaqMatchKind.Answer && match.Entry!.Id == "schedule_monitoring", match.ToString());
        Assert.Equal(1, model.Calls);
        Assert.Equal((0L, 1L), matcher.Routing);
    }

    [Fact]
    public async Task Before_the_model_has_loaded_a_clear_question_is_answered_and_an_undecided_one_waits_for_it()
    {
        var loading = new GatedEmbedder(ContentFixture.Embedder, loaded: false);
        var decisive = Matcher(loading, fixture.Model);
        var undecided = Matcher(loading, WithBand(fixture.Model, new CascadeBand { AnswerAtLeast = 1.01, ScopeAtLeast = 1.01, OutOfScopeBelow = 0 }));

        var answered = await decisive.MatchAsync(Story).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = undecided.MatchAsync(Story).AsTask();
        await Task.Delay(100);
        var waitedWhileLoading = !waiting.IsCompleted;
        loading.FinishLoading();
        var later = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("schedule_monitoring", answered.Entry?.Id);
        Assert.True(waitedWhileLoading, "the undecided message did not wait for the model");
        Assert.Equal("schedule_monitoring", later.Entry?.Id);
    }

    [Fact]
    public async Task Without_a_first_stage_every_message_goes_to_the_model()
    {
        var model = new GatedEmbedder(ContentFixture.Embedder);
        var matcher = new FaqMatcher(fixture.Content, model, fixture.Model, fixture.SavedEmbeddings);

        await matcher.MatchAsync(Story);

        Assert.False(matcher.HasFirstStage);
        Assert.Equal(1, model.Calls);
    }

    private FaqMatcher Matcher(ISentenceEmbedder model, UnderstandingModel understanding) =>
        new(fixture.Content, model, understanding, fixture.SavedEmbeddings, StaticSentenceEmbedder.Instance);

    private static UnderstandingModel WithBand(UnderstandingModel model, CascadeBand band) => new()
    {
        About = model.About,
        Candidate = model.Candidate,
        Scope = model.Scope,
        AnswerThreshold = model.AnswerThreshold,
        ClarifyThreshold = model.ClarifyThreshold,
        ScopeThreshold = model.ScopeThreshold,
        UnsureScope = model.UnsureScope,
        StaticCandidate = model.StaticCandidate,
        StaticScope = model.StaticScope,
        Cascade = band,
    };

    /// <summary>The real model behind a gate (a model still loading) that counts the messages sent to it.</summary>
    private sealed class GatedEmbedder(ISentenceEmbedder inner, bool loaded = true) : ISentenceEmbedder
    {
        private readonly TaskCompletionSource gate = NewGate(loaded);
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public int Dimensions => inner.Dimensions;

        public string ModelIdentity => inner.ModelIdentity;

        public string ModelInput(string text) => inner.ModelInput(text);

        public void FinishLoading() => gate.TrySetResult();

        public async ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            await gate.Task.WaitAsync(cancellationToken);
            return await inner.EmbedAsync(text, cancellationToken);
        }

        public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts) => inner.EmbedBatch(texts);

        private static TaskCompletionSource NewGate(bool open)
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (open)
            {
                source.SetResult();
            }

            return source;
        }
    }
}

using System.Net;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Understanding;
using B12Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace B12Bot.Tests;

/// <summary>
/// The host listens before the sentence-embedding model has loaded: what the understanding cascade's first stage decides
/// is answered at once, and a message it leaves undecided waits for the model and gets the answer a loaded host gives.
/// </summary>
public sealed class ModelLoadingTests
{
    // Decided by the first stage (lexical evidence and static word-piece vectors), as CascadeTests shows in-process.
    private const string ClearQuestion = "Hello there. I'm vegan and what are the side effects of b12 injections? cheers";

    // Left undecided by the first stage with the shipped understanding model (the routing assertion says if that changes).
    private const string UndecidedQuestion = "is it ok to get the shot if im feeling a bit off today";

    [Fact]
    public async Task Before_the_model_has_loaded_a_first_stage_question_is_answered_and_an_undecided_one_waits_for_the_loaded_answer()
    {
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await RunningBot.StartAsync(builder => builder.Services.Replace(ServiceDescriptor.Singleton<ISentenceEmbedder>(
            sp => new StillLoadingModel(sp.GetRequiredService<MiniLmSentenceEmbedder>(), loading.Task))));
        var matcher = bot.Services.GetRequiredService<FaqMatcher>();

        var readyWhileLoading = (await bot.Client.GetAsync("/readyz")).StatusCode;
        var clear = Turns.Text(await bot.SayAsync(ClearQuestion, "loading-1").WaitAsync(TimeSpan.FromSeconds(30)));
        var undecided = bot.SayAsync(UndecidedQuestion, "loading-2");
        await Task.Delay(300);
        var waitedForTheModel = !undecided.IsCompleted;
        loading.SetResult();
        var undecidedAnswer = Turns.Text(await undecided.WaitAsync(TimeSpan.FromSeconds(30)));

        await using var loaded = await RunningBot.StartAsync();
        await loaded.Services.GetRequiredService<MiniLmSentenceEmbedder>().Loaded.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, readyWhileLoading);
        Assert.Equal(Turns.Text(await loaded.SayAsync(ClearQuestion, "loaded-1")), clear);
        Assert.True(waitedForTheModel, "the undecided message was answered before the model had loaded");
        Assert.Equal(Turns.Text(await loaded.SayAsync(UndecidedQuestion, "loaded-2")), undecidedAnswer);
        Assert.Equal((1L, 1L), matcher.Routing);
    }

    /// <summary>The host's real model behind a gate: a model still loading until the gate opens.</summary>
    private sealed class StillLoadingModel(ISentenceEmbedder model, Task loaded) : ISentenceEmbedder
    {
        public int Dimensions => model.Dimensions;

        public string ModelIdentity => model.ModelIdentity;

        public string ModelInput(string text) => model.ModelInput(text);

        public async ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default)
        {
            await loaded.WaitAsync(cancellationToken);
            return await model.EmbedAsync(text, cancellationToken);
        }

        public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts)
        {
            loaded.GetAwaiter().GetResult();
            return model.EmbedBatch(texts);
        }
    }
}

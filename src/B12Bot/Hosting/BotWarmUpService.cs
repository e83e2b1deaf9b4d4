using System.Diagnostics;
using System.Security.Claims;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Understanding;
using BotRuntime.AspNetCore;
using BotRuntime.Builder;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Activity = BotRuntime.Schema.Activity;

namespace B12Bot.Hosting;

/// <summary>
/// Runs before the server listens: the content is loaded and validated already (when the application was built; the FAQ
/// index from the content's saved embeddings, so it need not wait for the model) and the sentence-embedding model is
/// loading on its own thread; this takes one real FAQ turn through the adapter so the first visitor does not pay for JIT
/// compilation, and (without the cascade) waits for the model. With the cascade (SentenceEmbedder:Cascade), the host
/// listens as soon as the content and the static first stage are ready: the model finishes loading in the background and
/// only messages the first stage leaves undecided wait for it. The turn runs before the other hosted services start (the
/// dashboard does not count it). The number and yes/no recognizers, used only inside the walkthrough, warm up in the
/// background once the model has loaded and the host has listened for a second, so they take no core from the model's
/// load or the first visitors' answers.
/// </summary>
public sealed partial class BotWarmUpService(
    IServiceProvider services,
    BotHttpAdapter adapter,
    IBot bot,
    IStorage storage,
    BotReadiness readiness,
    IEnumerable<IConversationDataStore> conversationData,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<BotWarmUpService> logger) : IHostedService, IDisposable
{
    private const string WarmUpChannel = "warmup";
    private const string WarmUpConversation = "host-warm-up";

    // After listening, the first visitors' turns (which compile their own paths) go before the recognizers' warm-up.
    private static readonly TimeSpan RecognizersAfterListening = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource stopping = new();
    private Task recognizers = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // The sentence-embedding model is loading on its own thread already (the content's build resolved it).
        var embedder = services.GetRequiredService<MiniLmSentenceEmbedder>();
        _ = embedder.Loaded.ContinueWith(_ => StartupTimeline.Mark("model loaded"), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var content = services.GetRequiredService<B12Content>();
        await TakeFirstTurnAsync(content.Faq[0].Questions[0], cancellationToken);
        var saved = services.GetRequiredService<ContentEmbeddingCache>();
        if (saved.Computed > 0)
        {
            LogContentEmbeddingsComputed(saved.Computed, saved.Computed + saved.Hits, saved.Problem ?? "the content changed since it was written");
        }

        if (!services.GetRequiredService<SentenceEmbedderOptions>().Cascade)
        {
            await embedder.Loaded.WaitAsync(cancellationToken);
        }

        readiness.MarkContentLoaded();
        StartupTimeline.Mark("first turn warmed");
        LogWarm(content.Faq.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        recognizers = WarmRecognizersAfterAsync(embedder.Loaded, stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await recognizers.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    private async Task WarmRecognizersAfterAsync(Task modelLoaded, CancellationToken cancellationToken)
    {
        try
        {
            var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var started = lifetime.ApplicationStarted.Register(() => listening.TrySetResult());
            await Task.WhenAll(modelLoaded, listening.Task).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await Task.Delay(RecognizersAfterListening, time, cancellationToken);
            var warming = Stopwatch.GetTimestamp();
            PromptRecognizers.WarmUp("en-us", RecognizerModels.Choice);
            LogRecognizersWarm(Stopwatch.GetElapsedTime(warming).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host stopped first: the recognizers are built when a walkthrough first needs them.
        }
    }

    private async Task TakeFirstTurnAsync(string question, CancellationToken cancellationToken)
    {
        var turn = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "warm-up",
            ChannelId = WarmUpChannel,
            ServiceUrl = "http://127.0.0.1/",
            From = new ChannelAccount("warm-up-user", role: RoleTypes.User),
            Recipient = new ChannelAccount("warm-up-bot", role: RoleTypes.Bot),
            Conversation = new ConversationAccount(WarmUpConversation),
            Text = question,
            DeliveryMode = DeliveryModes.ExpectReplies,
            Locale = "en-US",
        };
        await adapter.ProcessActivityForRepliesAsync(new ClaimsIdentity("warm-up"), turn, bot.OnTurnAsync, cancellationToken);
        await storage.DeleteAsync([$"{WarmUpChannel}/conversations/{WarmUpConversation}"], cancellationToken);
        foreach (var store in conversationData)
        {
            // The warm-up question is nobody's: no transcript keeps it.
            try
            {
                await store.ForgetConversationAsync(WarmUpChannel, WarmUpConversation, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A shared transcript store that is down at start must not keep the host down: the transcript's
                // retention sweep removes the warm-up question later (it is an answered question, in no report).
                LogWarmUpNotForgotten(ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded ({FaqEntries} FAQ entries) and first turn warmed in {ElapsedMs:F0} ms")]
    private partial void LogWarm(int faqEntries, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Computed} of {Total} content texts were not in dialogs/" + ContentEmbeddingCache.FileName + " ({Reason}) and were embedded at start, which slows the start: the build regenerates it (`dotnet build -c Release build/B12Bot.ContentEmbeddings`; after a content edit `bash build/refresh-understanding.sh` also refits)")]
    private partial void LogContentEmbeddingsComputed(int computed, int total, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up question could not be removed from the transcript now ({ExceptionType}); its retention sweep removes it")]
    private partial void LogWarmUpNotForgotten(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prompt recognizers warmed in {ElapsedMs:F0} ms")]
    private partial void LogRecognizersWarm(double elapsedMs);
}

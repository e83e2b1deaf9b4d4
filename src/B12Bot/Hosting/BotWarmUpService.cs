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
/// Runs before the server listens: starts loading the sentence-embedding model, builds the FAQ index from the content
/// (already loaded and validated when the application was built; from the content's saved embeddings, so it need not
/// wait for the model), takes one real FAQ turn through the
/// adapter so the first visitor does not pay for JIT compilation, and waits for the model. The number and yes/no recognizers, used only inside the walkthrough, warm up in the background.
/// </summary>
public sealed partial class BotWarmUpService(
    IServiceProvider services,
    BotHttpAdapter adapter,
    IBot bot,
    IStorage storage,
    BotReadiness readiness,
    IEnumerable<IConversationDataStore> conversationData,
    ILogger<BotWarmUpService> logger) : IHostedService
{
    private const string WarmUpChannel = "warmup";
    private const string WarmUpConversation = "host-warm-up";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // The sentence-embedding model starts loading on its own thread now, while the first turn runs on this one.
        var embedder = services.GetRequiredService<MiniLmSentenceEmbedder>();
        var content = services.GetRequiredService<B12Content>();
        var question = content.Faq[0].Questions[0];

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
        var saved = services.GetRequiredService<ContentEmbeddingCache>();
        if (saved.Computed > 0)
        {
            LogContentEmbeddingsComputed(saved.Computed, saved.Computed + saved.Hits, saved.Problem ?? "the content changed since it was written");
        }

        await embedder.Loaded.WaitAsync(cancellationToken);
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

        readiness.MarkContentLoaded();
        LogWarm(content.Faq.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        _ = Task.Run(() =>
        {
            var recognizers = Stopwatch.GetTimestamp();
            PromptRecognizers.WarmUp("en-us", RecognizerModels.Choice);
            LogRecognizersWarm(Stopwatch.GetElapsedTime(recognizers).TotalMilliseconds);
        }, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Content loaded ({FaqEntries} FAQ entries) and first turn warmed in {ElapsedMs:F0} ms")]
    private partial void LogWarm(int faqEntries, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Computed} of {Total} content texts were not in dialogs/" + ContentEmbeddingCache.FileName + " ({Reason}) and were embedded at start, which slows the start: refresh it with `dotnet run -c Release --project build/B12Bot.ContentEmbeddings`")]
    private partial void LogContentEmbeddingsComputed(int computed, int total, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up question could not be removed from the transcript now ({ExceptionType}); its retention sweep removes it")]
    private partial void LogWarmUpNotForgotten(string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Prompt recognizers warmed in {ElapsedMs:F0} ms")]
    private partial void LogRecognizersWarm(double elapsedMs);
}

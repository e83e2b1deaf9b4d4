using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence-embedding service on all-MiniLM-L6-v2. The model starts loading on a background thread as soon as this
/// is constructed (so it loads while the content does). Messages from concurrent turns queue up, and each of
/// <see cref="SentenceEmbedderOptions.ConcurrentCalls"/> workers (dedicated threads) takes whatever is waiting, up to
/// <see cref="SentenceEmbedderOptions.MaxBatchSize"/>, into model calls of texts of similar length: no waiting for a
/// batch to fill when idle, and a shared call costs less per message than single calls under load. Recent messages are
/// answered from a bounded cache.
/// </summary>
public sealed partial class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SentenceEmbedderOptions options;
    private readonly ILogger<MiniLmSentenceEmbedder> logger;
    private readonly Task<MiniLmModel> model;
    private readonly Channel<EmbeddingRequest> queue;
    private readonly EmbeddingCache cache;
    private readonly Thread[] workers;
    private readonly CancellationTokenSource stopping = new();
    private int disposed;

    public MiniLmSentenceEmbedder(SentenceEmbedderOptions options, ILogger<MiniLmSentenceEmbedder> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        this.options = options;
        this.logger = logger;
        cache = new EmbeddingCache(options.CacheCapacity);
        queue = Channel.CreateBounded<EmbeddingRequest>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        model = Task.Run(LoadModel);
        workers = [.. Enumerable.Range(0, options.ConcurrentCalls).Select(i => new Thread(DrainQueue) { IsBackground = true, Name = $"Sentence embedder {i + 1}" })];
        foreach (var worker in workers)
        {
            worker.Start();
        }
    }

    public int Dimensions => MiniLmModel.Dimensions;

    public string ModelIdentity => $"{ModelResource.Identity(options.Model)}; at most {options.MaxTokens} word pieces; mean-pooled, unit length";

    public string ModelInput(string text) => EmbeddingText.Prepare(text ?? throw new ArgumentNullException(nameof(text)), options.MaxCharacters);

    /// <summary>Completes when the model is loaded (faults if it could not be); the host awaits it before listening.</summary>
    public Task Loaded => model;

    /// <summary>How many message embeddings the cache holds now.</summary>
    public int CachedCount => cache.Count;

    public async ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        cancellationToken.ThrowIfCancellationRequested();

        // The cache key is the text as the model would read it, so "Does it HURT?" and "does it hurt ?" share a vector.
        var key = EmbeddingText.Prepare(text, options.MaxCharacters);
        if (cache.TryGet(key, out var cached))
        {
            return cached;
        }

        // Tokenised here, on the caller's thread, so the worker can plan batches by length and only runs the model.
        var loaded = await model.WaitAsync(cancellationToken).ConfigureAwait(false);
        var request = new EmbeddingRequest(key, loaded.TokenizePrepared(key));
        await using var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((EmbeddingRequest)state!).Completion.TrySetCanceled(token), request);
        await queue.Writer.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        return await request.Completion.Task.ConfigureAwait(false);
    }

    public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (texts.Count == 0)
        {
            return [];
        }

        var loaded = model.GetAwaiter().GetResult();
        var tokenized = new long[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            tokenized[i] = loaded.Tokenize(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)));
        }

        var vectors = new float[texts.Count][];
        foreach (var call in EmbeddingBatchPlanner.Plan([.. tokenized.Select(ids => ids.Length)], options.MaxBatchSize, options.MaxBatchTokens))
        {
            var embedded = loaded.Embed([.. call.Select(i => tokenized[i])]);
            for (var i = 0; i < call.Length; i++)
            {
                vectors[call[i]] = embedded[i];
            }
        }

        return vectors;
    }

    private MiniLmModel LoadModel()
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = new MiniLmModel(options);
        // One tiny call so the first visitor does not pay for the session's first-run allocations.
        loaded.Embed([loaded.Tokenize("warm up")]);
        LogModelLoaded(options.Model, Stopwatch.GetElapsedTime(started).TotalMilliseconds, options.IntraOpThreads, options.MaxBatchSize);
        return loaded;
    }

    /// <summary>
    /// One worker's loop, on its own thread: the model call is seconds of synchronous CPU work under load, which on the
    /// thread pool would hold back the turns' own continuations (the pool adds threads only slowly). Each pass takes
    /// whatever is waiting, up to MaxBatchSize, and embeds it in calls planned by length.
    /// </summary>
    private void DrainQueue()
    {
        var reader = queue.Reader;
        var waiting = new List<EmbeddingRequest>(options.MaxBatchSize);
        Exception stopped = new ObjectDisposedException(nameof(MiniLmSentenceEmbedder));
        try
        {
            var loaded = model.GetAwaiter().GetResult();
            while (reader.WaitToReadAsync(stopping.Token).AsTask().GetAwaiter().GetResult())
            {
                while (waiting.Count < options.MaxBatchSize && reader.TryRead(out var request))
                {
                    // A caller that gave up (cancelled) is skipped; a text already computed is served from the cache.
                    if (request.Completion.Task.IsCompleted)
                    {
                        continue;
                    }

                    if (cache.TryGet(request.Key, out var cached))
                    {
                        request.Completion.TrySetResult(cached);
                        continue;
                    }

                    waiting.Add(request);
                }

                foreach (var call in EmbeddingBatchPlanner.Plan([.. waiting.Select(request => request.Ids.Length)], options.MaxBatchSize, options.MaxBatchTokens))
                {
                    EmbedWaiting(loaded, [.. call.Select(i => waiting[i])]);
                }

                waiting.Clear();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception failure)
        {
            // The model failed to load: every caller, now and later, learns why.
            LogEmbeddingFailed(failure);
            queue.Writer.TryComplete(failure);
            stopped = failure;
        }

        FailAll(waiting, stopped);
        while (reader.TryRead(out var left))
        {
            left.Completion.TrySetException(stopped);
        }
    }

    private void EmbedWaiting(MiniLmModel loaded, List<EmbeddingRequest> batch)
    {
        try
        {
            var vectors = loaded.Embed(batch.ConvertAll(request => request.Ids));
            for (var i = 0; i < batch.Count; i++)
            {
                cache.Add(batch[i].Key, vectors[i]);
                batch[i].Completion.TrySetResult(vectors[i]);
            }
        }
        catch (Exception failure)
        {
            // One bad batch fails its own callers (each turn gets an error it can handle), never the worker.
            LogEmbeddingFailed(failure);
            FailAll(batch, failure);
        }
    }

    private static void FailAll(List<EmbeddingRequest> batch, Exception failure)
    {
        foreach (var request in batch)
        {
            request.Completion.TrySetException(failure);
        }

        batch.Clear();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        queue.Writer.TryComplete();
        stopping.Cancel();
        // Each worker finishes the model call it is in (at most one batch) before the session goes.
        foreach (var worker in workers)
        {
            worker.Join();
        }
        ((Task)model).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        if (model.IsCompletedSuccessfully)
        {
            model.Result.Dispose();
        }

        stopping.Dispose();
    }

    private sealed class EmbeddingRequest(string key, long[] ids)
    {
        public string Key { get; } = key;

        public long[] Ids { get; } = ids;

        public TaskCompletionSource<ReadOnlyMemory<float>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentence-embedding model ({Model}) loaded in {ElapsedMs:F0} ms ({IntraOpThreads} thread(s) per call, batches of up to {MaxBatchSize})")]
    private partial void LogModelLoaded(SentenceEmbeddingModel model, double elapsedMs, int intraOpThreads, int maxBatchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sentence embedding failed")]
    private partial void LogEmbeddingFailed(Exception exception);
}

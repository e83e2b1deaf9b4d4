using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Understanding;

/// <summary>
/// The sentence-embedding service on all-MiniLM-L6-v2. The model starts loading on a background thread as soon as this
/// is constructed (so it loads while the content does). Messages from concurrent turns queue up and one worker embeds
/// whatever is waiting, up to <see cref="SentenceEmbedderOptions.MaxBatchSize"/>, in one model call: no waiting for a
/// batch to fill when idle, and a batch costs far less per message than single calls under load. Recent messages are
/// answered from a bounded cache.
/// </summary>
public sealed partial class MiniLmSentenceEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly SentenceEmbedderOptions options;
    private readonly ILogger<MiniLmSentenceEmbedder> logger;
    private readonly Task<MiniLmModel> model;
    private readonly Channel<EmbeddingRequest> queue;
    private readonly EmbeddingCache cache;
    private readonly Task worker;
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
        worker = Task.Run(DrainQueueAsync);
    }

    public int Dimensions => MiniLmModel.Dimensions;

    public string ModelIdentity => $"{ModelResource.Identity}; at most {options.MaxTokens} word pieces; mean-pooled, unit length";

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

        // Texts of similar length share a batch, so little of each model call is spent on padding.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => tokenized[i].Length).ToArray();
        var vectors = new float[texts.Count][];
        var chunk = new List<long[]>(options.MaxBatchSize);
        var start = 0;
        while (start < order.Length)
        {
            // Ascending lengths: the text being added is the longest so far, so it sets the padded width.
            chunk.Clear();
            var end = start;
            while (end < order.Length && chunk.Count < options.MaxBatchSize
                   && (chunk.Count == 0 || (chunk.Count + 1) * tokenized[order[end]].Length <= options.MaxBatchTokens))
            {
                chunk.Add(tokenized[order[end++]]);
            }

            var embedded = loaded.Embed(chunk);
            for (var i = start; i < end; i++)
            {
                vectors[order[i]] = embedded[i - start];
            }

            start = end;
        }

        return vectors;
    }

    private MiniLmModel LoadModel()
    {
        var started = Stopwatch.GetTimestamp();
        var loaded = new MiniLmModel(options);
        // One tiny call so the first visitor does not pay for the session's first-run allocations.
        loaded.Embed([loaded.Tokenize("warm up")]);
        LogModelLoaded(Stopwatch.GetElapsedTime(started).TotalMilliseconds, options.IntraOpThreads, options.MaxBatchSize);
        return loaded;
    }

    private async Task DrainQueueAsync()
    {
        var reader = queue.Reader;
        var batch = new List<EmbeddingRequest>(options.MaxBatchSize);
        EmbeddingRequest? held = null;
        Exception stopped = new ObjectDisposedException(nameof(MiniLmSentenceEmbedder));
        try
        {
            while (held is not null || await reader.WaitToReadAsync(stopping.Token).ConfigureAwait(false))
            {
                var loaded = await model.WaitAsync(stopping.Token).ConfigureAwait(false);
                var longest = 0;
                if (held is not null)
                {
                    batch.Add(held);
                    longest = held.Ids.Length;
                    held = null;
                }

                while (batch.Count < options.MaxBatchSize && reader.TryRead(out var request))
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

                    var width = Math.Max(longest, request.Ids.Length);
                    if (batch.Count > 0 && (batch.Count + 1) * width > options.MaxBatchTokens)
                    {
                        held = request; // first in the next call
                        break;
                    }

                    batch.Add(request);
                    longest = width;
                }

                if (batch.Count > 0)
                {
                    EmbedWaiting(loaded, batch);
                }
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
            FailAll(batch, failure);
            stopped = failure;
        }

        held?.Completion.TrySetException(stopped);
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

        batch.Clear();
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
        // The worker finishes the model call it is in (at most one batch) before the session goes.
        worker.GetAwaiter().GetResult();
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sentence-embedding model loaded in {ElapsedMs:F0} ms ({IntraOpThreads} thread(s) per call, batches of up to {MaxBatchSize})")]
    private partial void LogModelLoaded(double elapsedMs, int intraOpThreads, int maxBatchSize);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sentence embedding failed")]
    private partial void LogEmbeddingFailed(Exception exception);
}

using System.Diagnostics;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Hands out the content in use as an immutable <see cref="B12ContentSnapshot"/>, and replaces it when the files in
/// dialogs/ change and the new version is valid. A turn takes the snapshot once, when it first needs it
/// (<see cref="For"/>), and keeps it to its end, so a reload never changes the content under a turn in flight.
/// Reloads run one at a time, off the turn path; an invalid edit is refused with its file:line list and the content
/// in use stays live.
/// </summary>
public sealed partial class B12ContentSource
{
    private const string TurnStateKey = "B12Bot.ContentSnapshot";

    private readonly B12ContentSnapshotBuilder _builder;
    private readonly ILogger<B12ContentSource> _logger;
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private B12ContentSnapshot _current;
    private string _liveFingerprint;
    private string? _refusedFingerprint;
    private TaskCompletionSource<ContentReloadOutcome> _nextOutcome = NewOutcome();

    /// <summary>Loads and validates the content now (a content error stops the start with its file:line list).</summary>
    /// <exception cref="ContentValidationException">The content has problems.</exception>
    public B12ContentSource(B12ContentSnapshotBuilder builder, ILogger<B12ContentSource> logger)
    {
        _builder = builder ?? throw new ArgumentNullException(nameof(builder));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        (_liveFingerprint, _current) = builder.BuildFirst();
    }

    /// <summary>The content in use now. A turn reads it through <see cref="For"/> instead, to keep one version throughout.</summary>
    public B12ContentSnapshot Current => Volatile.Read(ref _current);

    public string DialogsFolder => _builder.DialogsFolder;

    /// <summary>The snapshot of this turn: the one the turn already took, otherwise the current one, kept for the rest of the turn.</summary>
    public B12ContentSnapshot For(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.TryGetValue(TurnStateKey, out var taken) && taken is B12ContentSnapshot snapshot)
        {
            return snapshot;
        }

        var current = Current;
        turnContext.TurnState[TurnStateKey] = current;
        return current;
    }

    /// <summary>Completes with the outcome of the next reload that applies or refuses an edit (for whoever waits on one: tests, tools).</summary>
    public Task<ContentReloadOutcome> NextOutcomeAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _nextOutcome).Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Reads dialogs/ again: when the files differ from the live content and are valid, builds a new snapshot (embedding
    /// texts the saved embeddings lack with the loaded model) and swaps it in; when they are invalid, logs the
    /// file:line list and keeps the live content.
    /// </summary>
    public async Task<ContentReloadOutcome> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Building embeds new texts with the model: seconds of CPU, kept off the caller's thread.
            return await Task.Run(Reload, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reloading.Release();
        }
    }

    private ContentReloadOutcome Reload()
    {
        var started = Stopwatch.GetTimestamp();
        var live = Current;
        var fingerprint = Fingerprint();
        if (fingerprint == _liveFingerprint || fingerprint == _refusedFingerprint)
        {
            LogUnchanged(live.Version);
            return new ContentReloadOutcome(ContentReloadResult.Unchanged, live.Version, live.Content.Faq.Count, 0, 0, [], Stopwatch.GetElapsedTime(started));
        }

        ContentReloadOutcome outcome;
        try
        {
            var snapshot = _builder.Build(live.Version + 1, requireHandoff: live.Handoff is not null);
            Volatile.Write(ref _current, snapshot);
            _liveFingerprint = fingerprint;
            _refusedFingerprint = null;
            outcome = new ContentReloadOutcome(ContentReloadResult.Applied, snapshot.Version, snapshot.Content.Faq.Count,
                snapshot.Embeddings.Computed, snapshot.Embeddings.Hits, [], Stopwatch.GetElapsedTime(started));
            LogApplied(outcome.Version, outcome.FaqEntries, outcome.TextsEmbedded, outcome.TextsFromSavedEmbeddings, outcome.Elapsed.TotalMilliseconds);
        }
        catch (ContentValidationException invalid)
        {
            _refusedFingerprint = fingerprint;
            outcome = new ContentReloadOutcome(ContentReloadResult.Refused, live.Version, live.Content.Faq.Count, 0, 0, invalid.Problems, Stopwatch.GetElapsedTime(started));
            LogRefused(invalid.Problems.Count, live.Version, string.Join(Environment.NewLine, invalid.Problems.Select(p => "  " + p)));
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A file still being written or locked (the next change reloads again), or a fault in a builder: either
            // way the live content stays. The exception's type only: its message may quote the content.
            ContentProblem[] problems = [new(_builder.DialogsFolder, 1, $"the content could not be reloaded ({failure.GetType().Name})")];
            outcome = new ContentReloadOutcome(ContentReloadResult.Refused, live.Version, live.Content.Faq.Count, 0, 0, problems, Stopwatch.GetElapsedTime(started));
            LogRefused(problems.Length, live.Version, "  " + problems[0]);
        }

        B12BotTelemetry.ContentReloaded(outcome.Result == ContentReloadResult.Applied ? "applied" : "refused");
        Interlocked.Exchange(ref _nextOutcome, NewOutcome()).TrySetResult(outcome);
        return outcome;
    }

    private string Fingerprint() => B12ContentSnapshotBuilder.Fingerprint(_builder.DialogsFolder);

    private static TaskCompletionSource<ContentReloadOutcome> NewOutcome() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reload applied: version {Version} is live ({FaqEntries} FAQ entries; {Embedded} new texts embedded, {Saved} from the saved embeddings) in {ElapsedMs:F0} ms")]
    private partial void LogApplied(int version, int faqEntries, int embedded, int saved, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload refused: the edited content has {ProblemCount} problem(s); version {Version} stays live. Fix them and save again:\n{Problems}")]
    private partial void LogRefused(int problemCount, int version, string problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Content reload skipped: the files are unchanged (version {Version} stays live)")]
    private partial void LogUnchanged(int version);
}

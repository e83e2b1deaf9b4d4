using System.Threading.Channels;
using B12Bot.Conversation.Content;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace B12Bot.Hosting;

/// <summary>
/// Watches the content files in dialogs/ (B12Bot:Content:ReloadOnChange) and reloads them once the folder has been quiet
/// for B12Bot:Content:ReloadDelay, so an editor's several writes (temporary file, rename, attributes) make one reload.
/// The reload itself (validation, the new snapshot, the swap, its log line) is <see cref="B12ContentSource"/>'s job.
/// Set DOTNET_USE_POLLING_FILE_WATCHER=1 where file events do not arrive (some network and container mounts).
/// </summary>
public sealed partial class ContentReloadService(
    B12ContentSource source,
    B12ContentOptions options,
    TimeProvider timeProvider,
    ILogger<ContentReloadService> logger) : BackgroundService
{
    // One pending signal is enough: every change in the quiet period leads to the same single reload.
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private PhysicalFileProvider? _files;
    private IDisposable? _watching;

    /// <summary>Watching starts before the host reports started (ExecuteAsync runs later, in the background), so no edit is missed.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _files = new PhysicalFileProvider(source.DialogsFolder);
            var files = _files;
            _watching = ChangeToken.OnChange(
                () => new CompositeChangeToken([.. B12ContentSnapshotBuilder.Files.Select(files.Watch)]),
                () => _changes.Writer.TryWrite(true));
            LogWatching(B12ContentSnapshotBuilder.Files.Count, options.ReloadDelay.TotalMilliseconds);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // E.g. the system's limit of file watchers is reached: the bot still runs, with the content loaded at start.
            LogCannotWatch(e.GetType().Name);
            return Task.CompletedTask;
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _watching?.Dispose();
        _files?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var changes = _changes;
        try
        {
            while (await changes.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                changes.Reader.TryRead(out _);
                do
                {
                    await Task.Delay(options.ReloadDelay, timeProvider, stoppingToken).ConfigureAwait(false);
                }
                while (changes.Reader.TryRead(out _));

                // The source logs and counts the outcome (applied / refused, with the file:line list).
                try
                {
                    await source.ReloadAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception failure) when (failure is not OperationCanceledException)
                {
                    // Never stop watching: the next edit gets its own reload.
                    LogReloadFailed(failure.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {FileCount} content files for edits; a valid edit applies {DelayMs:F0} ms after the last write")]
    private partial void LogWatching(int fileCount, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot watch the content folder ({ExceptionType}): edits apply at the next start; DOTNET_USE_POLLING_FILE_WATCHER=1 polls instead")]
    private partial void LogCannotWatch(string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload failed ({ExceptionType}); the content in use stays live and the folder is still watched")]
    private partial void LogReloadFailed(string exceptionType);
}

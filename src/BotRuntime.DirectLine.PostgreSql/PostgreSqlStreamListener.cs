using System.Text;
using BotRuntime.AspNetCore.DirectLine.Streaming;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace BotRuntime.DirectLine.PostgreSql;

/// <summary>
/// Holds one connection that LISTENs on the history's notification channel and hands each notice from another
/// instance to this instance's stream of that conversation (if it has one). When the connection is lost it comes back
/// with growing pauses, and every stream then re-reads its history, so notices missed meanwhile delay nothing for long.
/// </summary>
public sealed partial class PostgreSqlStreamListener(
    PostgreSqlConversationHistoryStore store,
    ConversationStreamHub hub,
    TimeProvider time,
    ILogger<PostgreSqlStreamListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    private int _listening;

    /// <summary>Whether the LISTEN connection is up right now.</summary>
    public bool IsListening => Volatile.Read(ref _listening) == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await store.EnsureSchemaAsync(stoppingToken).ConfigureAwait(false);
                await using var connection = await store.DataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += OnNotification;
                await using (var listen = connection.CreateCommand())
                {
                    listen.CommandText = "LISTEN " + store.Channel;
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                Volatile.Write(ref _listening, 1);
                pause = FirstPause;
                // What was appended while this instance was not listening: every stream here reads from its watermark.
                hub.NotifyAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Volatile.Write(ref _listening, 0);
                LogListenerLost(ex.GetType().Name, pause.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(pause, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (!StreamNotice.TryParse(e.Payload, out var notice))
        {
            LogBadNotice();
            return;
        }

        if (notice.InstanceId == store.InstanceId)
        {
            // This instance told its own streams already.
            return;
        }

        if (notice.IsTransient)
        {
            hub.PublishTransient(notice.ConversationId, Encoding.UTF8.GetBytes(notice.ActivityJson!));
        }
        else
        {
            hub.NotifyAppended(notice.ConversationId, notice.Watermark);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Direct Line stream listener lost PostgreSQL ({ExceptionType}); listening again in {PauseMs} ms")]
    private partial void LogListenerLost(string exceptionType, double pauseMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A Direct Line stream notice that this version does not understand was ignored")]
    private partial void LogBadNotice();
}

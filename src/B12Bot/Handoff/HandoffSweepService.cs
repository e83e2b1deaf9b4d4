using B12Bot.Conversation.Handoff;

namespace B12Bot.Handoff;

/// <summary>Every Handoff:SweepInterval: requests nobody took in time get the callback offer; old records are deleted.</summary>
public sealed partial class HandoffSweepService(HandoffCoordinator coordinator, HandoffOptions options, TimeProvider time, ILogger<HandoffSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await coordinator.SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The next tick tries again; the type only, since a message could quote a payload.
                LogSweepFailed(ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The handoff sweep failed ({ExceptionType}); it runs again at the next interval")]
    private partial void LogSweepFailed(string exceptionType);
}

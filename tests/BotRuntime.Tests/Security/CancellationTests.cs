using System.Net.Http.Json;
using BotRuntime.Builder;
using BotRuntime.Storage;
using BotRuntime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.Tests.Security;

/// <summary>Finding 2: when the caller of /api/messages hangs up, the turn's work is cancelled instead of running on.</summary>
public sealed class CancellationTests
{
    [Fact]
    public async Task A_turn_on_api_messages_is_cancelled_when_the_client_hangs_up()
    {
        var bot = new WaitingBot();
        await using var host = await LoopbackBotHost.StartAsync(new MemoryStorage(), services => services.AddSingleton<IBot>(bot));

        using var hangUp = new CancellationTokenSource();
        var sending = host.Client.PostAsJsonAsync("/api/messages", Activities.Message("think hard"), BotRuntime.Schema.BotJsonContext.Default.Activity, hangUp.Token);
        await bot.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await hangUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.True(await bot.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>Stands for costly work: waits until the turn's token says stop.</summary>
    private sealed class WaitingBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<bool> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Cancelled.TrySetResult(true);
                throw;
            }
        }
    }
}

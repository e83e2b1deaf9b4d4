using BotRuntime.Builder;
using BotRuntime.Storage;
using BotRuntime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace BotRuntime.Tests.Security;

/// <summary>Finding 8: an exception's message (which can quote what the user typed) never reaches a log line.</summary>
public sealed class ExceptionLoggingTests
{
    private const string UserText = "my chest hurts since the injection SECRET-4711";

    [Fact]
    public async Task A_failing_turn_is_logged_with_type_and_stack_but_without_any_exception_message()
    {
        var logs = new FakeLogCollector();
        await using var host = await LoopbackBotHost.StartAsync(
            new MemoryStorage(),
            services => services.AddSingleton<IBot>(new ThrowingBot()),
            logging: builder => builder.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));

        var replies = await (await host.Client.PostAsync(Activities.Message(UserText))).RepliesAsync();

        Assert.Contains("Sorry", Assert.Single(replies, r => r.Type == BotRuntime.Schema.ActivityTypes.Message).Text);
        var lines = logs.Entries;
        Assert.Contains(lines, line => line.Contains(nameof(InvalidOperationException)) && line.Contains(nameof(ThrowingBot)));
        Assert.DoesNotContain(lines, line => line.Contains("SECRET-4711") || line.Contains("SECRET-0815") || line.Contains("chest"));
    }

    /// <summary>A bot whose code puts the user's words into exception messages, as parsers and stores sometimes do.</summary>
    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            try
            {
                throw new FormatException($"could not read 'SECRET-0815 {turnContext.Activity.Text}'");
            }
            catch (FormatException inner)
            {
                throw new InvalidOperationException($"failed on: {turnContext.Activity.Text}", inner);
            }
        }
    }
}

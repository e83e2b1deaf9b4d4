using System.Collections.Concurrent;
using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>
/// A small bot for channel tests: welcomes new members with a quick reply, echoes text as plain text, answers events and
/// card submits, sends markdown (also with tel: and sms: links) on request, throws on "fail" and waits on "slow" until the test releases it.
/// It records every activity it receives so tests can check what the channel delivered.
/// </summary>
public sealed class ScriptedTestBot : IBot
{
    public const string Welcome = "Hello! I am an automated assistant for this test, not a person.";
    public const string QuickReply = "What can you do?";
    public const string QuickReplyAnswer = "I echo what you type.";
    public const string PhoneNumbers = "phone numbers";
    public const string LongReply = "long reply";
    public const string LongReplyFirstLine = "The first line of a long reply says what matters most.";

    private TaskCompletionSource _slowGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<Activity> Received { get; } = new();

    /// <summary>How many "slow" turns were cancelled while they waited (the client left).</summary>
    public int CancelledSlowTurns => Volatile.Read(ref _cancelledSlowTurns);

    private int _cancelledSlowTurns;

    public void ReleaseSlowTurns() => _slowGate.TrySetResult();

    public void ResetSlowGate() => _slowGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        Received.Enqueue(activity);

        if (activity.IsType(ActivityTypes.ConversationUpdate))
        {
            if (activity.MembersAdded?.Exists(m => m.Id != activity.Recipient?.Id) == true)
            {
                var welcome = Activity.CreateMessageActivity(Welcome);
                welcome.SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, QuickReply, QuickReply)] };
                await turnContext.SendActivityAsync(welcome, cancellationToken);
            }

            return;
        }

        if (activity.IsType(ActivityTypes.Event))
        {
            await turnContext.SendActivityAsync($"Event received: {activity.Name}", cancellationToken: cancellationToken);
            return;
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            return;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } submitted)
        {
            await turnContext.SendActivityAsync($"Card answer received: {submitted.GetRawText()}", cancellationToken: cancellationToken);
            return;
        }

        switch (activity.Text)
        {
            case QuickReply:
                await turnContext.SendActivityAsync(QuickReplyAnswer, cancellationToken: cancellationToken);
                return;
            case "fail":
                throw new InvalidOperationException("The test bot was asked to fail.");
            case "slow":
                try
                {
                    await _slowGate.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelledSlowTurns);
                    throw;
                }

                await turnContext.SendActivityAsync("Sorry for the wait.", cancellationToken: cancellationToken);
                return;
            case "markdown":
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity("Here is **bold text** and a [link](https://example.org/b12).", TextFormatTypes.Markdown), cancellationToken);
                return;
            case PhoneNumbers:
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity("Call [911](tel:911) now. Poison control: [1-800-222-1222](tel:+18002221222). Crisis line: [text 988](sms:988).", TextFormatTypes.Markdown), cancellationToken);
                return;
            case LongReply:
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity(LongReplyFirstLine + "\n\n" + string.Join("\n\n", Enumerable.Range(2, 40).Select(i => $"Line {i} of the long reply.")), TextFormatTypes.Markdown), cancellationToken);
                return;
            case "typing":
                await turnContext.SendActivityAsync(Activity.CreateTypingActivity(), cancellationToken);
                await turnContext.SendActivityAsync("Done typing.", cancellationToken: cancellationToken);
                return;
            case "trace":
                await turnContext.SendActivityAsync(Activity.CreateTraceActivity("debug"), cancellationToken);
                await turnContext.SendActivityAsync("Traced.", cancellationToken: cancellationToken);
                return;
            default:
                // Plain text on purpose: the page must show it as text, whatever it contains.
                await turnContext.SendActivityAsync(Activity.CreateMessageActivity("You said: " + activity.Text, TextFormatTypes.Plain), cancellationToken);
                return;
        }
    }
}

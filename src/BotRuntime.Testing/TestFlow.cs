using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Testing;

/// <summary>
/// A transcript written as a chain: the user says something, the bot must reply with this, and so on.
/// Each call returns a new flow with one more step; nothing runs until <see cref="StartTestAsync"/>.
/// Every step waits for the previous turn to finish, so replies are asserted in the order the bot sent them.
/// </summary>
public sealed class TestFlow
{
    /// <summary>How long AssertReply waits for a reply sent from a background task (the SDK's default).</summary>
    public const int DefaultTimeoutMilliseconds = 3000;

    private readonly TestAdapter _adapter;
    private readonly BotCallbackHandler _callback;
    private readonly IReadOnlyList<Func<CancellationToken, Task>> _steps;

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
        : this(adapter, callback, [])
    {
    }

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    private TestFlow(TestAdapter adapter, BotCallbackHandler callback, IReadOnlyList<Func<CancellationToken, Task>> steps)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
        _steps = steps;
    }

    public TestAdapter Adapter => _adapter;

    /// <summary>Runs every step in order. Throws <see cref="TestFlowAssertionException"/> at the first step that fails.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var step in _steps)
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The user sends a message with this text.</summary>
    public TestFlow Send(string userSays) =>
        Then(ct => _adapter.SendTextToBotAsync(userSays, _callback, ct));

    /// <summary>The user's channel sends this activity (missing addressing is filled in by the adapter).</summary>
    public TestFlow Send(Activity userActivity)
    {
        ArgumentNullException.ThrowIfNull(userActivity);
        return Then(ct => _adapter.ProcessActivityAsync(userActivity, _callback, ct));
    }

    /// <summary>The channel reports that the user joined the conversation.</summary>
    public TestFlow SendConversationUpdate() =>
        Then(ct =>
        {
            var update = _adapter.MakeActivity();
            update.Type = ActivityTypes.ConversationUpdate;
            update.Text = null;
            update.MembersAdded = [_adapter.Conversation.User!];
            return _adapter.ProcessActivityAsync(update, _callback, ct);
        });

    public TestFlow Delay(TimeSpan delay) => Then(ct => Task.Delay(delay, ct));

    public TestFlow Delay(int milliseconds) => Delay(TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>The next reply is a message with exactly this text.</summary>
    public TestFlow AssertReply(string expected, string? description = null, int timeout = DefaultTimeoutMilliseconds) =>
        AssertReply(
            reply =>
            {
                if (!reply.IsType(ActivityTypes.Message) || reply.Text != expected)
                {
                    Fail(description, $"expected the bot to say \"{expected}\" but it sent {Describe(reply)}");
                }
            },
            description,
            timeout);

    /// <summary>The next reply has the type and text of <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(Activity expected, string? description = null, int timeout = DefaultTimeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return AssertReply(
            reply =>
            {
                if (!string.Equals(reply.Type, expected.Type ?? ActivityTypes.Message, StringComparison.OrdinalIgnoreCase) || reply.Text != expected.Text)
                {
                    Fail(description, $"expected {Describe(expected)} but the bot sent {Describe(reply)}");
                }
            },
            description,
            timeout);
    }

    /// <summary>The next reply passes <paramref name="validateActivity"/> (which throws to fail the test).</summary>
    public TestFlow AssertReply(Action<Activity> validateActivity, string? description = null, int timeout = DefaultTimeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(validateActivity);
        return Then(async ct =>
        {
            var reply = await _adapter.GetNextReplyAsync(TimeSpan.FromMilliseconds(timeout), ct).ConfigureAwait(false)
                        ?? throw Failure(description, $"no reply from the bot within {timeout} ms");
            validateActivity(reply);
        });
    }

    /// <summary>The next reply is a message whose text is one of <paramref name="candidates"/>.</summary>
    public TestFlow AssertReplyOneOf(IReadOnlyCollection<string> candidates, string? description = null, int timeout = DefaultTimeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return AssertReply(
            reply =>
            {
                if (!reply.IsType(ActivityTypes.Message) || reply.Text is null || !candidates.Contains(reply.Text))
                {
                    Fail(description, $"expected one of [{string.Join(" | ", candidates)}] but the bot sent {Describe(reply)}");
                }
            },
            description,
            timeout);
    }

    /// <summary>The next reply is a message whose text contains <paramref name="expected"/> (ordinal comparison).</summary>
    public TestFlow AssertReplyContains(string expected, string? description = null, int timeout = DefaultTimeoutMilliseconds) =>
        AssertReply(
            reply =>
            {
                if (!reply.IsType(ActivityTypes.Message) || reply.Text is null || !reply.Text.Contains(expected, StringComparison.Ordinal))
                {
                    Fail(description, $"expected a reply containing \"{expected}\" but the bot sent {Describe(reply)}");
                }
            },
            description,
            timeout);

    /// <summary>
    /// The bot has sent nothing more. Turns run to completion before the next step, so by default this looks at the
    /// queue at once; give a timeout to also wait for replies from background tasks.
    /// </summary>
    public TestFlow AssertNoReply(string? description = null, int timeout = 0) =>
        Then(async ct =>
        {
            var reply = await _adapter.GetNextReplyAsync(TimeSpan.FromMilliseconds(timeout), ct).ConfigureAwait(false);
            if (reply is not null)
            {
                Fail(description, $"expected no reply but the bot sent {Describe(reply)}");
            }
        });

    /// <summary>The user says <paramref name="userSays"/> and the bot replies <paramref name="expected"/>.</summary>
    public TestFlow Test(string userSays, string expected, string? description = null, int timeout = DefaultTimeoutMilliseconds) =>
        Send(userSays).AssertReply(expected, description, timeout);

    public TestFlow Test(string userSays, Activity expected, string? description = null, int timeout = DefaultTimeoutMilliseconds) =>
        Send(userSays).AssertReply(expected, description, timeout);

    public TestFlow Test(string userSays, Action<Activity> validateActivity, string? description = null, int timeout = DefaultTimeoutMilliseconds) =>
        Send(userSays).AssertReply(validateActivity, description, timeout);

    private TestFlow Then(Func<CancellationToken, Task> step) => new(_adapter, _callback, [.. _steps, step]);

    private static void Fail(string? description, string message) => throw Failure(description, message);

    private static TestFlowAssertionException Failure(string? description, string message) =>
        new(string.IsNullOrEmpty(description) ? message : $"{description}: {message}");

    private static string Describe(Activity activity) =>
        activity.IsType(ActivityTypes.Message) ? $"message \"{activity.Text}\"" : $"a {activity.Type} activity";
}

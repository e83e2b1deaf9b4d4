using B12Bot.Conversation.Content;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The handoff content in use (dialogs/handoff.yaml). In the host it is the live content snapshot's
/// (<see cref="B12ContentSource"/>), so a valid edit of the file applies from the next message and a refused one leaves
/// the live texts and words in place; on its own (tools, tests) it is the file as loaded once.
/// </summary>
public sealed class HandoffContentSource
{
    private readonly Func<HandoffContent> _current;

    /// <summary>Fixed content: the file as loaded once.</summary>
    public HandoffContentSource(HandoffContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _current = () => content;
    }

    private HandoffContentSource(Func<HandoffContent> current) => _current = current;

    /// <summary>The handoff content of whatever snapshot <paramref name="content"/> has live (it had one at start).</summary>
    public static HandoffContentSource FollowingSnapshots(B12ContentSource content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var atStart = content.Current.Handoff ?? throw new InvalidOperationException($"The dialogs folder has no {HandoffContentLoader.FileName}.");
        // A reload that drops the file is refused (B12ContentSnapshotBuilder), so a live snapshot always has it; the
        // start-up content is only a guard.
        return new HandoffContentSource(() => content.Current.Handoff ?? atStart);
    }

    public HandoffContent Current => _current();
}

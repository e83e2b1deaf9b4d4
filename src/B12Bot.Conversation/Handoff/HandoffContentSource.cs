using B12Bot.Conversation.Content;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// The handoff content in use (dialogs/handoff.yaml). In the host it is the content snapshot's
/// (<see cref="B12ContentSource"/>): a turn reads the snapshot it runs on (<see cref="For"/>), so a reload never mixes
/// two versions of the texts and words within one turn, and a refused edit leaves the live ones in place. Code outside
/// a visitor's turn (the team's claim, the sweep) reads <see cref="Current"/>. On its own (tools, tests) it is the file
/// as loaded once.
/// </summary>
public sealed class HandoffContentSource
{
    private readonly Func<ITurnContext?, HandoffContent> _contentOf;

    /// <summary>Fixed content: the file as loaded once.</summary>
    public HandoffContentSource(HandoffContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        _contentOf = _ => content;
    }

    private HandoffContentSource(Func<ITurnContext?, HandoffContent> contentOf) => _contentOf = contentOf;

    /// <summary>The handoff content of the snapshot a turn runs on, or of the live one outside a turn.</summary>
    public static HandoffContentSource FollowingSnapshots(B12ContentSource content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var atStart = content.Current.Handoff ?? throw new InvalidOperationException($"The dialogs folder has no {HandoffContentLoader.FileName}.");
        // A reload that drops the file is refused (B12ContentSnapshotBuilder), so a snapshot always has it; the
        // start-up content is only a guard.
        return new HandoffContentSource(turn => (turn is null ? content.Current : content.For(turn)).Handoff ?? atStart);
    }

    /// <summary>The live content, for code that runs outside a visitor's turn.</summary>
    public HandoffContent Current => _contentOf(null);

    /// <summary>The content of the snapshot <paramref name="turnContext"/> runs on.</summary>
    public HandoffContent For(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return _contentOf(turnContext);
    }
}

using B12Bot.Conversation.Content;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Faq;

/// <summary>The matcher's reading of one message.</summary>
public sealed class FaqMatch
{
    public required FaqMatchKind Kind { get; init; }

    /// <summary>The entry to answer with (for <see cref="FaqMatchKind.Answer"/>).</summary>
    public FaqEntry? Entry { get; init; }

    /// <summary>A second entry to answer after <see cref="Entry"/>, when the message clearly asks two different things.</summary>
    public FaqEntry? Also { get; init; }

    /// <summary>
    /// The closest entries, best first: two or three for <see cref="FaqMatchKind.Ambiguous"/>; for a close-call
    /// <see cref="FaqMatchKind.Answer"/>, the runners-up worth offering beside the answer.
    /// </summary>
    public IReadOnlyList<FaqEntry> Alternatives { get; init; } = [];

    /// <summary>How likely the best intent is the one asked for (the calibrated model's probability), 0 to 1.</summary>
    public double Score { get; init; }

    public SmallTalkIntent? SmallTalk { get; init; }

    public BotCommand? Command { get; init; }

    /// <summary>
    /// A command or small talk said with a reason or a telling beside it ("cancel the check, no one cares whether i'm
    /// alive", "he's gone to bed, can we stop the quiz", "thanks, my daughter will switch it off now"): the safety backstop
    /// screens its words as it screens a question's.
    /// </summary>
    public bool TellsMore { get; init; }

    /// <summary>The match that carries out <paramref name="intent"/>.</summary>
    public static FaqMatch For(Intent intent, double score)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return intent.Kind == IntentKind.StartWalkthrough
            ? new FaqMatch { Kind = FaqMatchKind.StartWalkthrough, Score = score }
            : new FaqMatch { Kind = FaqMatchKind.Answer, Entry = intent.Entry, Score = score };
    }

    public override string ToString() => Kind switch
    {
        FaqMatchKind.Answer => $"Answer {Entry?.Id}{(Also is null ? "" : " + " + Also.Id)} ({Score:0.00})",
        FaqMatchKind.Ambiguous => $"Ambiguous [{string.Join(", ", Alternatives.Select(a => a.Id))}] ({Score:0.00})",
        FaqMatchKind.SmallTalk => $"SmallTalk {SmallTalk?.Id}",
        FaqMatchKind.Command => $"Command {Command}",
        _ => $"{Kind} ({Score:0.00})",
    };
}

namespace B12Bot.Conversation.Content;

/// <summary>
/// language.yaml's likening: a word that likens what follows to the B12 shot ("sore, a bit like after a flu jab", "in the
/// arm like a tetanus shot?"). One of <see cref="Concepts"/> after one of <see cref="Words"/>, with only
/// <see cref="Gap"/> words between, is a comparison, not another subject, and is not read; not after one of
/// <see cref="NotAfter"/>, where the word is a verb ("i'd like a flu jab too").
/// </summary>
public sealed record Likening(IReadOnlyList<string> Words, IReadOnlyList<string> Gap, IReadOnlyList<string> Concepts, IReadOnlyList<string> NotAfter)
{
    public static Likening None { get; } = new([], [], [], []);
}

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// What a typed message says to a walkthrough question: one choice (its index), an ambiguous answer, or nothing; and
/// whether the answer's phrase is the whole message ("no") or a part of it ("i dont" in "i dont want to do this quiz").
/// </summary>
public readonly record struct RecognizedAnswer(int ChoiceIndex, bool IsAmbiguous, bool IsWholeMessage = false)
{
    public static RecognizedAnswer None { get; } = new(-1, false);

    public static RecognizedAnswer Ambiguous { get; } = new(-1, true);

    public bool IsChoice => ChoiceIndex >= 0;

    /// <summary>A choice or an ambiguous answer: either way the message answers the question, it is not an interruption.</summary>
    public bool IsAnswer => IsChoice || IsAmbiguous;
}

namespace B12Bot.Conversation.Faq;

/// <summary>What a message turned out to be.</summary>
public enum FaqMatchKind
{
    /// <summary>Nothing to read (empty or only punctuation).</summary>
    Empty,

    /// <summary>Confidently one FAQ entry: answer it.</summary>
    Answer,

    /// <summary>About B12 care but not clearly one entry: say so and offer the closest topics.</summary>
    Ambiguous,

    /// <summary>Not about B12 care: give the scope statement.</summary>
    OutOfScope,

    /// <summary>Greeting, thanks, goodbye and the like.</summary>
    SmallTalk,

    /// <summary>A whole-message command: help, cancel, restart, back.</summary>
    Command,

    /// <summary>Asks for the symptom check ("check my symptoms", "should I get B12 shots?").</summary>
    StartWalkthrough,

    /// <summary>Words the bot cannot place at all ("what?", "hmm"): ask again, offer topics.</summary>
    Unrecognized,
}

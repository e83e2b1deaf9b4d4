namespace B12Bot.Conversation.Content;

/// <summary>One thing wrong in a content file, with where it is.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

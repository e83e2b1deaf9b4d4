namespace B12Bot.Conversation.Content;

/// <summary>
/// The content in dialogs/ cannot be used. The message lists every problem as "file:line: problem", so whoever edited
/// the files can fix them all in one go.
/// </summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentProblem> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ContentProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<ContentProblem> problems)
    {
        var lines = new List<string>(problems.Count + 1)
        {
            $"The bot's content has {problems.Count} problem(s); fix them and start again:",
        };
        foreach (var problem in problems)
        {
            lines.Add("  " + problem);
        }

        return string.Join(Environment.NewLine, lines);
    }
}

using System.Text;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Writes the symptom check's final message: the outcome, its notes, the answers given (as choice labels, never the
/// user's own words) and next steps, which end with "general information, not medical advice".
/// </summary>
public static class WalkthroughReport
{
    public static string Describe(Walkthrough walkthrough, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(walkthrough);
        ArgumentNullException.ThrowIfNull(answers);
        var outcome = walkthrough.Decide(answers);
        var text = new StringBuilder();
        text.Append(outcome.Title).Append("\n\n").Append(outcome.Text);
        foreach (var note in walkthrough.NotesFor(answers, outcome))
        {
            text.Append("\n\n").Append(note.Text);
        }

        text.Append("\n\n").Append(walkthrough.SummaryHeading);
        foreach (var question in walkthrough.Questions)
        {
            if (answers.TryGetValue(question.Id, out var value) && question.FindChoice(value) is { } choice)
            {
                text.Append("\n- ").Append(question.Summary).Append(": ").Append(choice.Label);
            }
        }

        text.Append("\n\n").Append(walkthrough.NextSteps);
        return text.ToString();
    }
}

namespace B12Bot.Conversation.Text;

/// <summary>A message as the matcher sees it: its words (typos corrected) and the concepts and stems they map to.</summary>
public sealed class AnalyzedText
{
    public AnalyzedText(string normalized, string[] words, List<string> terms, List<bool> termWasCorrected)
    {
        Normalized = normalized;
        Words = words;
        Terms = terms;
        TermWasCorrected = termWasCorrected;
    }

    /// <summary>The normalized text, before typo correction.</summary>
    public string Normalized { get; }

    /// <summary>The words after typo correction.</summary>
    public string[] Words { get; }

    /// <summary>Concepts ("injection", "side_effect") and stems of the other words, stop words dropped, in order.</summary>
    public List<string> Terms { get; }

    /// <summary>For each term, whether it came from a corrected typo (such terms count a little less).</summary>
    public List<bool> TermWasCorrected { get; }
}

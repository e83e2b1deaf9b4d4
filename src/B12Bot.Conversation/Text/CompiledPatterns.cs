using System.Text.RegularExpressions;

namespace B12Bot.Conversation.Text;

/// <summary>What the message-reading patterns built from content share: their match timeout and a run at start.</summary>
public static class CompiledPatterns
{
    /// <summary>How long one match of a pattern built from content may take on a visitor's message.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs a compiled pattern once on <paramref name="sample"/>, so its code is jitted at start and not inside the first
    /// visitor's match, where the JIT's time counts against <see cref="MatchTimeout"/> (on a busy machine it can take all
    /// of it).
    /// </summary>
    public static void WarmUp(Regex pattern, string sample)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            _ = pattern.IsMatch(sample);
        }
        catch (RegexMatchTimeoutException)
        {
            // Jitted all the same.
        }
    }
}

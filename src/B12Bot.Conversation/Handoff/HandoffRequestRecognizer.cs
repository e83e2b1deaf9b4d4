using System.Collections.Frozen;
using B12Bot.Conversation.Text;
using BotRuntime.Builder;

namespace B12Bot.Conversation.Handoff;

/// <summary>
/// Recognises "talk to a person" and the visitor's "end chat", from the words in dialogs/handoff.yaml. A request is
/// one of the phrases, the button's text, or a short message (at most <see cref="MaxRequestWords"/> words) in which a
/// talk word reaches a people word through "to" or "with" ("can I speak to someone about my results", "can I chat with
/// a nurse", "connect me with the clinic team"), or a people word asks to talk "to me" ("can someone talk to me").
/// A talk word and a people word that merely share a message are not a request: "is this chat automated or is someone
/// typing" asks about the bot, not for a person. The word sets are built once per version of
/// the content (a reload of dialogs/handoff.yaml builds new ones on the next message); no per-turn allocation of rules.
/// </summary>
public sealed class HandoffRequestRecognizer(HandoffContentSource source)
{
    public const int MaxRequestWords = 12;

    // English grammar around the clinic's talk and people words: how far a talk word may reach for its person.
    private const int MaxWordsBeforeLink = 2;
    private const int MaxWordsAfterLink = 4;
    private static readonly FrozenSet<string> LinkWords = FrozenSet.ToFrozenSet(["to", "with"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> BeforeLink = FrozenSet.ToFrozenSet(["me", "us", "directly", "now", "just", "right"], StringComparer.Ordinal);
    private static readonly FrozenSet<string> BeforePerson = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "one", "of", "your", "some", "real", "actual", "live", "clinic", "clinics", "medical", "qualified"], StringComparer.Ordinal);

    private Rules? _rules;

    public HandoffRequestRecognizer(HandoffContent content)
        : this(new HandoffContentSource(content))
    {
    }

    /// <summary>Whether <paramref name="text"/> asks for a person, by the words of the content the turn runs on.</summary>
    public bool IsRequest(ITurnContext turnContext, string? text) => IsRequest(RulesOf(source.For(turnContext)), text);

    /// <summary>Whether <paramref name="text"/> ends the chat with the team, by the words of the content the turn runs on.</summary>
    public bool IsEnd(ITurnContext turnContext, string? text) => RulesOf(source.For(turnContext)).EndWords.Contains(Normalize(text));

    /// <summary>Whether <paramref name="text"/> takes the callback offer, by the words of the content the turn runs on.</summary>
    public bool IsCallbackChoice(ITurnContext turnContext, string? text) => RulesOf(source.For(turnContext)).CallbackWords.Contains(Normalize(text));

    /// <summary>The same checks by the live content, for code outside a turn (tools, tests).</summary>
    public bool IsRequest(string? text) => IsRequest(RulesOf(source.Current), text);

    public bool IsEnd(string? text) => RulesOf(source.Current).EndWords.Contains(Normalize(text));

    private static bool IsRequest(Rules rules, string? text)
    {
        var normalized = Normalize(text);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (rules.Phrases.Contains(normalized))
        {
            return true;
        }

        var words = TextNormalizer.Tokenize(normalized);
        if (words.Length > MaxRequestWords)
        {
            return false;
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (rules.TalkWords.Contains(words[i]) && (ReachesPerson(words, i, rules) || PersonAsksToTalkToMe(words, i, rules)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"talk to a person", "speak directly with one of the nurses", "connect me to the clinic team".</summary>
    private static bool ReachesPerson(string[] words, int talk, Rules rules)
    {
        var link = talk + 1;
        while (link < words.Length && link - talk <= MaxWordsBeforeLink && BeforeLink.Contains(words[link]))
        {
            link++;
        }

        if (link >= words.Length || !LinkWords.Contains(words[link]))
        {
            return false;
        }

        for (var person = link + 1; person < words.Length && person - link <= MaxWordsAfterLink; person++)
        {
            if (rules.PeopleWords.Contains(words[person]))
            {
                return true;
            }

            if (!BeforePerson.Contains(words[person]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>"can someone talk to me", "could a nurse chat with us".</summary>
    private static bool PersonAsksToTalkToMe(string[] words, int talk, Rules rules)
    {
        if (talk + 2 >= words.Length || !LinkWords.Contains(words[talk + 1]) || (words[talk + 2] != "me" && words[talk + 2] != "us"))
        {
            return false;
        }

        for (var person = talk - 1; person >= 0 && talk - person <= MaxWordsAfterLink; person--)
        {
            if (rules.PeopleWords.Contains(words[person]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules of <paramref name="content"/>, rebuilt only when the content object changed (a reload).</summary>
    private Rules RulesOf(HandoffContent content)
    {
        var rules = Volatile.Read(ref _rules);
        if (rules is null || !ReferenceEquals(rules.Content, content))
        {
            rules = new Rules(content);
            Volatile.Write(ref _rules, rules);
        }

        return rules;
    }

    private static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return string.Empty;
        }

        var normalized = TextNormalizer.Normalize(text);
        return normalized.EndsWith(" please", StringComparison.Ordinal) ? normalized[..^7] : normalized;
    }

    private sealed class Rules(HandoffContent content)
    {
        public HandoffContent Content { get; } = content;

        public HashSet<string> Phrases { get; } = new(content.RequestPhrases, StringComparer.Ordinal) { TextNormalizer.Normalize(content.Button) };

        public HashSet<string> TalkWords { get; } = new(content.TalkWords, StringComparer.Ordinal);

        public HashSet<string> PeopleWords { get; } = new(content.PeopleWords, StringComparer.Ordinal);

        public HashSet<string> EndWords { get; } = new(content.EndWords, StringComparer.Ordinal);

        public HashSet<string> CallbackWords { get; } = new(StringComparer.Ordinal) { TextNormalizer.Normalize(content.Texts[HandoffContent.CallbackButton]) };
    }
}

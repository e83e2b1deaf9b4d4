using B12Bot.Conversation.Content;
using BotRuntime.Schema;

namespace B12Bot.Eval;

/// <summary>
/// Names what the bot did with a message from its replies' texts (all from the loaded content): an FAQ answer (by entry
/// id), "did you mean", the scope statement, "not understood", small talk, a command reply, the walkthrough start or a
/// safety message. The eval's confusion list and per-key figures are built from these names.
/// </summary>
public sealed class ReplyReader
{
    public const string Clarify = "clarify";
    public const string Scope = "scope statement";
    public const string NotUnderstood = "not understood";
    public const string Walkthrough = "walkthrough";
    public const string Urgent = "urgent [HIGH]";
    public const string Crisis = "crisis";
    public const string Poisoning = "poisoning";
    public const string ReactionCheck = "reaction check";
    public const string Nothing = "no reply";
    public const string Other = "other";
    public const string AnswerPrefix = "answer:";
    public const string SmallTalkPrefix = "small talk:";
    public const string CommandPrefix = "command:";

    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _smallTalk = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _commands = new(StringComparer.Ordinal);
    private readonly B12Content _content;
    private readonly SafetyTexts _safety;

    public ReplyReader(B12Content content, SafetyTexts safety)
    {
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _safety = safety ?? throw new ArgumentNullException(nameof(safety));
        foreach (var entry in content.Faq)
        {
            _answers.TryAdd(entry.Answer.Trim(), entry.Id);
        }

        foreach (var intent in content.Messages.SmallTalk)
        {
            _smallTalk.TryAdd(intent.Reply.Trim(), intent.Id);
        }

        var messages = content.Messages;
        _commands[messages.Help.Trim()] = "help";
        _commands[messages.NothingToCancel.Trim()] = "cancel";
        _commands[content.Walkthrough.Cancelled.Trim()] = "cancel";
        _commands[messages.Restarted.Trim()] = "restart";
        _commands[content.Walkthrough.Restarted.Trim()] = "restart";
        _commands[messages.NothingToGoBackTo.Trim()] = "back";
    }

    /// <summary>The FAQ entries answered, in order (a message asking two things gets two).</summary>
    public IReadOnlyList<string> AnswersIn(IReadOnlyList<Activity> replies) =>
        [.. replies.Select(r => r.Text?.Trim()).OfType<string>().Select(t => _answers.GetValueOrDefault(t)).OfType<string>()];

    /// <summary>One name for what the replies are, the most serious first.</summary>
    public string Read(IReadOnlyList<Activity> replies)
    {
        var texts = replies.Where(r => r.Type == ActivityTypes.Message && r.Text is not null).Select(r => r.Text!.Trim()).ToArray();
        if (replies.Any(r => r.Importance == ActivityImportance.High && r.Text?.Trim() == _safety.Urgent))
        {
            return Urgent;
        }

        if (replies.Any(r => r.Importance == ActivityImportance.High && r.Text?.Contains(_safety.CrisisLine, StringComparison.Ordinal) == true))
        {
            return Crisis;
        }

        if (texts.Any(t => t.Contains(_safety.PoisonControlNumber, StringComparison.Ordinal)))
        {
            return Poisoning;
        }

        if (texts.Any(t => t == _safety.ReactionQuestion))
        {
            return ReactionCheck;
        }

        var answers = AnswersIn(replies);
        if (answers.Count > 0)
        {
            return AnswerPrefix + string.Join('+', answers);
        }

        var firstQuestion = _content.Walkthrough.Questions[0].Prompt.Trim();
        if (texts.Any(t => t.Contains(firstQuestion, StringComparison.Ordinal)))
        {
            return Walkthrough;
        }

        foreach (var text in texts)
        {
            if (text.Contains(_content.Messages.OutOfScope.Trim(), StringComparison.Ordinal))
            {
                return Scope;
            }

            if (text.StartsWith(_content.Messages.NotSure.Trim(), StringComparison.Ordinal))
            {
                return Clarify;
            }

            if (text == _content.Messages.Fallback.Trim())
            {
                return NotUnderstood;
            }

            if (_smallTalk.TryGetValue(text, out var smallTalk))
            {
                return SmallTalkPrefix + smallTalk;
            }

            if (_commands.TryGetValue(text, out var command))
            {
                return CommandPrefix + command;
            }
        }

        return texts.Length == 0 ? Nothing : Other;
    }

    /// <summary>The family of a name: "answer", "small talk", "command" or the name itself.</summary>
    public static string Family(string name) =>
        name.StartsWith(AnswerPrefix, StringComparison.Ordinal) ? "B12 answer"
        : name.StartsWith(SmallTalkPrefix, StringComparison.Ordinal) ? "small talk"
        : name.StartsWith(CommandPrefix, StringComparison.Ordinal) ? "command"
        : name;
}

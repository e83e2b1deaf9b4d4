using System.Globalization;
using System.Text;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Choices;

/// <summary>Builds the message that presents choices: inline text, a numbered list, suggested actions or a hero card.</summary>
public static class ChoiceFactory
{
    /// <summary>
    /// The best style for the channel: a hero card where only card buttons are shown; suggested actions where they are;
    /// otherwise inline text for up to three choices and a numbered list beyond. Titles over 20 characters never go on
    /// buttons.
    /// </summary>
    public static Activity ForChannel(string? channelId, IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null,
        string? conversationType = null, IList<string>? toList = null)
    {
        var list = choices ?? [];
        var maxTitleLength = 0;
        foreach (var choice in list)
        {
            var length = (choice.Action?.Title ?? choice.Value).Length;
            maxTitleLength = Math.Max(maxTitleLength, length);
        }

        var supportsSuggestedActions = Channel.SupportsSuggestedActions(channelId, list.Count, conversationType);
        var supportsCardActions = Channel.SupportsCardActions(channelId, list.Count);
        var longTitles = maxTitleLength > Channel.MaxActionTitleLength;

        if (!longTitles && !supportsSuggestedActions && supportsCardActions)
        {
            return HeroCard(list, text, speak);
        }

        if (!longTitles && supportsSuggestedActions)
        {
            return SuggestedAction(list, text, speak, toList);
        }

        if (!longTitles && list.Count <= 3)
        {
            return Inline(list, text, speak, options);
        }

        return List(list, text, speak, options);
    }

    /// <summary>The choices in the text: "text (1) a, (2) b, or (3) c".</summary>
    public static Activity Inline(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var list = choices ?? [];
        var separator = options?.InlineSeparator ?? ", ";
        var or = options?.InlineOr ?? " or ";
        var orMore = options?.InlineOrMore ?? ", or ";
        var includeNumbers = options?.IncludeNumbers ?? true;

        var builder = new StringBuilder(text ?? string.Empty).Append(' ');
        var connector = string.Empty;
        for (var index = 0; index < list.Count; index++)
        {
            builder.Append(connector);
            if (includeNumbers)
            {
                builder.Append('(').Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(") ");
            }

            builder.Append(Title(list[index]));
            connector = index == list.Count - 2 ? (index == 0 ? or : orMore) : separator;
        }

        return Message(builder.ToString(), speak);
    }

    /// <summary>The choices as a list under the text, numbered ("1. a") or bulleted ("- a").</summary>
    public static Activity List(IList<Choice> choices, string? text = null, string? speak = null, ChoiceFactoryOptions? options = null)
    {
        var list = choices ?? [];
        var includeNumbers = options?.IncludeNumbers ?? true;
        var builder = new StringBuilder(text ?? string.Empty).Append("\n\n   ");
        var connector = string.Empty;
        for (var index = 0; index < list.Count; index++)
        {
            builder.Append(connector);
            builder.Append(includeNumbers ? (index + 1).ToString(CultureInfo.InvariantCulture) + ". " : "- ");
            builder.Append(Title(list[index]));
            connector = "\n   ";
        }

        return Message(builder.ToString(), speak);
    }

    /// <summary>The text with one suggested-action button per choice, shown to <paramref name="toList"/> (everyone when null).</summary>
    public static Activity SuggestedAction(IList<Choice> choices, string? text = null, string? speak = null, IList<string>? toList = null)
    {
        var message = Message(text, speak);
        message.SuggestedActions = new SuggestedActions
        {
            Actions = ExtractActions(choices),
            To = toList is null ? null : [.. toList],
        };
        return message;
    }

    /// <summary>A hero card with the text and one imBack button per choice.</summary>
    public static Activity HeroCard(IList<Choice> choices, string? text = null, string? speak = null)
    {
        var card = new HeroCard { Text = text, Buttons = ExtractActions(choices) };
        var message = Message(null, speak);
        message.Attachments = [card.ToAttachment()];
        return message;
    }

    /// <summary>Choices from plain values.</summary>
    public static List<Choice> ToChoices(IEnumerable<string>? choices) =>
        choices is null ? [] : choices.Where(static c => !string.IsNullOrWhiteSpace(c)).Select(static c => new Choice(c)).ToList();

    /// <summary>One button per choice: its own action, or imBack with the value as title and value.</summary>
    public static List<CardAction> ExtractActions(IList<Choice>? choices) =>
        choices is null ? [] : choices.Select(static c => c.Action ?? new CardAction(ActionTypes.ImBack, c.Value, c.Value)).ToList();

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;

    private static Activity Message(string? text, string? speak)
    {
        var message = Activity.CreateMessageActivity(text);
        message.Speak = speak;
        message.InputHint = InputHints.ExpectingInput;
        return message;
    }
}

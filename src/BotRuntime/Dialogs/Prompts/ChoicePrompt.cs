using BotRuntime.Builder;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// Offers a list of choices and returns the one picked as a <see cref="FoundChoice"/>: by its words (with synonyms
/// and small gaps allowed), by position ("the second one", "last") or by number ("2"). The list is shown in the style
/// that suits the channel unless one is set.
/// </summary>
public class ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, string? defaultLocale = null)
    : Prompt<FoundChoice>(dialogId, validator)
{
    public ListStyle Style { get; set; } = ListStyle.Auto;

    public string? DefaultLocale { get; set; } = defaultLocale;

    /// <summary>The words used to list choices; by default those of the user's language.</summary>
    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    public FindChoicesOptions? RecognizerOptions { get; set; }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var culture = PromptCultureModels.Get(activity.Locale ?? DefaultLocale);
        var choiceOptions = ChoiceOptions ?? new ChoiceFactoryOptions
        {
            InlineSeparator = culture.Separator,
            InlineOr = culture.InlineOr,
            InlineOrMore = culture.InlineOrMore,
            IncludeNumbers = true,
        };
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var toList = activity.From?.Id is { } userId ? new List<string> { userId } : null;
        var prompt = AppendChoices(source, activity.ChannelId, options.Choices ?? [], options.Style ?? Style, choiceOptions, activity.Conversation?.ConversationType, toList);
        return turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<FoundChoice>();
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var recognizerOptions = RecognizerOptions ?? new FindChoicesOptions();
        var locale = PromptCultureModels.MapToNearestLanguage(activity.Locale ?? recognizerOptions.Locale ?? DefaultLocale);
        var findOptions = new FindChoicesOptions
        {
            AllowPartialMatches = recognizerOptions.AllowPartialMatches,
            Locale = locale,
            MaxTokenDistance = recognizerOptions.MaxTokenDistance,
            Tokenizer = recognizerOptions.Tokenizer,
            NoValue = recognizerOptions.NoValue,
            NoAction = recognizerOptions.NoAction,
            RecognizeNumbers = recognizerOptions.RecognizeNumbers,
            RecognizeOrdinals = recognizerOptions.RecognizeOrdinals,
        };
        var results = ChoiceRecognizers.RecognizeChoices(activity.Text, options.Choices ?? [], findOptions);
        if (results.Count > 0)
        {
            result.Succeeded = true;
            result.Value = results[0].Resolution;
        }

        return Task.FromResult(result);
    }
}

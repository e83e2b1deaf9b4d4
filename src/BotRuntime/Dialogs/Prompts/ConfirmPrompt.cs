using BotRuntime.Builder;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question. Understands yes and no in English and Spanish ("yep", "sure", "nope", "sí", 👍, 👎...)
/// and, when the choices are numbered, "1" for yes and "2" for no.
/// </summary>
public class ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, string? defaultLocale = null)
    : Prompt<bool>(dialogId, validator)
{
    public ListStyle Style { get; set; } = ListStyle.Auto;

    public string? DefaultLocale { get; set; } = defaultLocale;

    public ChoiceFactoryOptions? ChoiceOptions { get; set; }

    /// <summary>The yes and no choices to show; by default the user's language's words.</summary>
    public (Choice Yes, Choice No)? ConfirmChoices { get; set; }

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = turnContext.Activity;
        var culture = PromptCultureModels.Get(activity.Locale ?? DefaultLocale);
        var source = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        var toList = activity.From?.Id is { } userId ? new List<string> { userId } : null;
        var prompt = AppendChoices(source, activity.ChannelId, Choices(culture), options.Style ?? Style, GetChoiceOptions(culture), activity.Conversation?.ConversationType, toList);
        return turnContext.SendActivityAsync(prompt, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<bool>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var result = new PromptRecognizerResult<bool>();
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var locale = activity.Locale ?? DefaultLocale;
        var culture = PromptCultureModels.Get(locale);
        if (BooleanRecognizer.RecognizeBoolean(activity.Text, options.RecognizeLanguage ?? culture.Locale) is { } recognized)
        {
            result.Succeeded = true;
            result.Value = recognized.Resolution.Value;
            return Task.FromResult(result);
        }

        // The prompt showed numbered choices, so "1" or "the first one" is an answer too (and so are the choice words).
        if (GetChoiceOptions(culture).IncludeNumbers ?? true)
        {
            var choices = Choices(culture);
            var picked = ChoiceRecognizers.RecognizeChoices(activity.Text, choices, new FindChoicesOptions { Locale = culture.Locale });
            if (picked.Count > 0)
            {
                result.Succeeded = true;
                result.Value = picked[0].Resolution.Index == 0;
            }
        }

        return Task.FromResult(result);
    }

    private ChoiceFactoryOptions GetChoiceOptions(PromptCultureModel culture) => ChoiceOptions ?? new ChoiceFactoryOptions
    {
        InlineSeparator = culture.Separator,
        InlineOr = culture.InlineOr,
        InlineOrMore = culture.InlineOrMore,
        IncludeNumbers = true,
    };

    private List<Choice> Choices(PromptCultureModel culture) =>
        ConfirmChoices is { } custom ? [custom.Yes, custom.No] : [new Choice(culture.YesInLanguage), new Choice(culture.NoInLanguage)];
}

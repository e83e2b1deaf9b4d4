using System.Globalization;
using System.Numerics;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// Asks for a number ("22", "twenty two", "$20", "3 years"): the first number recognized in the message, parsed in
/// the user's culture into <typeparamref name="T"/> (int, long, float, double, decimal...). A number that does not fit
/// (2.5 for an int) is not an answer.
/// </summary>
public class NumberPrompt<T>(string dialogId, PromptValidator<T>? validator = null, string? defaultLocale = null) : Prompt<T>(dialogId, validator)
    where T : struct, INumber<T>
{
    /// <summary>The culture used when the activity carries no locale.</summary>
    public string? DefaultLocale { get; set; } = defaultLocale;

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<T>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<T>();
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var culture = PromptRecognizers.MapCulture(activity.Locale ?? DefaultLocale);
        var results = PromptRecognizers.RecognizeNumber(activity.Text, culture);
        if (results.Count == 0)
        {
            results = PromptRecognizers.RecognizeNumberWithUnit(activity.Text, culture);
        }

        if (results.Count > 0
            && results[0].Resolution is { } resolution
            && resolution.TryGetValue("value", out var value)
            && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text
            && T.TryParse(text, NumberStyles.Any, GetFormat(culture), out var number))
        {
            result.Succeeded = true;
            result.Value = number;
        }

        return Task.FromResult(result);
    }

    private static CultureInfo GetFormat(string culture)
    {
        try
        {
            return CultureInfo.GetCultureInfo(culture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}

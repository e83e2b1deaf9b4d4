using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// Asks for a date or time ("tomorrow at 3pm", "next Friday", "in two weeks"): every reading of the first date/time
/// recognized, relative to the user's local time (the activity's localTimestamp, else the prompt's clock).
/// </summary>
public class DateTimePrompt(string dialogId, PromptValidator<IList<DateTimeResolution>>? validator = null, string? defaultLocale = null, TimeProvider? timeProvider = null)
    : Prompt<IList<DateTimeResolution>>(dialogId, validator)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public string? DefaultLocale { get; set; } = defaultLocale;

    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<IList<DateTimeResolution>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<IList<DateTimeResolution>>();
        var activity = turnContext.Activity;
        if (!activity.IsType(ActivityTypes.Message) || string.IsNullOrWhiteSpace(activity.Text))
        {
            return Task.FromResult(result);
        }

        var culture = PromptRecognizers.MapCulture(activity.Locale ?? DefaultLocale);
        var referenceTime = activity.LocalTimestamp?.DateTime ?? _time.GetLocalNow().DateTime;
        var results = PromptRecognizers.RecognizeDateTime(activity.Text, culture, referenceTime);
        if (results.Count > 0 && results[0].Resolution is { } resolution && resolution.TryGetValue("values", out var values)
            && values is IEnumerable<Dictionary<string, string>> readings)
        {
            var list = new List<DateTimeResolution>();
            foreach (var reading in readings)
            {
                list.Add(new DateTimeResolution
                {
                    Value = reading.GetValueOrDefault("value"),
                    Start = reading.GetValueOrDefault("start"),
                    End = reading.GetValueOrDefault("end"),
                    Timex = reading.GetValueOrDefault("timex"),
                });
            }

            result.Succeeded = list.Count > 0;
            result.Value = list;
        }

        return Task.FromResult(result);
    }
}

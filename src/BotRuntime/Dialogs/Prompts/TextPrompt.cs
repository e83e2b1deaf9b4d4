using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>Asks for text: any message with text is an answer (add a validator to be pickier).</summary>
public class TextPrompt(string dialogId, PromptValidator<string>? validator = null) : Prompt<string>(dialogId, validator)
{
    protected override Task OnPromptAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, bool isRetry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var activity = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        return activity is null ? Task.CompletedTask : turnContext.SendActivityAsync(activity, cancellationToken);
    }

    protected override Task<PromptRecognizerResult<string>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var result = new PromptRecognizerResult<string>();
        if (turnContext.Activity.IsType(ActivityTypes.Message) && turnContext.Activity.Text is { } text)
        {
            result.Succeeded = true;
            result.Value = text;
        }

        return Task.FromResult(result);
    }

    /// <summary>Any text is an answer, so a text prompt never claims the activity: parents may always interrupt.</summary>
    protected override Task<bool> OnPreBubbleEventAsync(DialogContext dc, DialogEvent e, CancellationToken cancellationToken) => Task.FromResult(false);
}

using BotRuntime.Builder;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>What a <see cref="PromptValidator{T}"/> sees: the turn, what was recognized, the prompt's options and state.</summary>
public class PromptValidatorContext<T>
{
    internal PromptValidatorContext(ITurnContext turnContext, PromptRecognizerResult<T> recognized, IDictionary<string, object> state, PromptOptions options)
    {
        Context = turnContext;
        Recognized = recognized;
        State = state;
        Options = options;
    }

    public ITurnContext Context { get; }

    public PromptRecognizerResult<T> Recognized { get; }

    public PromptOptions Options { get; }

    /// <summary>The prompt's persisted state (holds <c>AttemptCount</c>).</summary>
    public IDictionary<string, object> State { get; }

    /// <summary>How many answers the user has given to this prompt, this one included (1 on the first answer).</summary>
    public int AttemptCount => DialogStateValues.ToInt32(State.TryGetValue(Prompt<T>.AttemptCountKey, out var value) ? value : null);
}

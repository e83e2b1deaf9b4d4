namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// Decides whether a recognized answer is acceptable. Return false to ask again; a validator that sends its own
/// message this turn replaces the retry prompt.
/// </summary>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);

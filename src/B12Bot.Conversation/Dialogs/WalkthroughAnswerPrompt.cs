using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.Dialogs;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Asks one walkthrough question (its id travels in <see cref="PromptOptions.Validations"/>). The content's own phrases
/// (labels, synonyms and ambiguity phrases of dialogs/walkthrough.yaml) read the answer first; the runtime's choice
/// recognizer only reads what they do not know ("2", "the second one"). An ambiguous answer is never a choice.
/// </summary>
public sealed class WalkthroughAnswerPrompt(
    string dialogId,
    Walkthrough walkthrough,
    Func<ITurnContext, WalkthroughQuestion, RecognizedAnswer> recognize,
    PromptValidator<FoundChoice> validator)
    : ChoicePrompt(dialogId, validator)
{
    /// <summary>The question the prompt asks, or null when its options name none.</summary>
    public WalkthroughQuestion? QuestionOf(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var questionId = DialogStateValues.FromJson(options.Validations) as string;
        return walkthrough.Questions.FirstOrDefault(q => q.Id == questionId);
    }

    protected override Task<PromptRecognizerResult<FoundChoice>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (QuestionOf(options) is not { } question)
        {
            return base.OnRecognizeAsync(turnContext, state, options, cancellationToken);
        }

        var answer = recognize(turnContext, question);
        if (answer.IsChoice)
        {
            var label = question.Choices[answer.ChoiceIndex].Label;
            return Task.FromResult(new PromptRecognizerResult<FoundChoice>
            {
                Succeeded = true,
                Value = new FoundChoice { Value = label, Index = answer.ChoiceIndex, Score = 1f },
            });
        }

        return answer.IsAmbiguous
            ? Task.FromResult(new PromptRecognizerResult<FoundChoice>())
            : base.OnRecognizeAsync(turnContext, state, options, cancellationToken);
    }
}

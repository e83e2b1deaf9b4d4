using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;
using BotRuntime.State;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// The symptom check: asks the walkthrough questions of dialogs/walkthrough.yaml one at a time (allergy, pregnancy,
/// nerve symptoms, absorption, diet, medicines, current treatment, blood test and, when it was low, severity), then
/// gives the outcome of the guide's decision framework with a summary of the answers and next steps. Back, restart,
/// cancel and help work at every step; an unclear answer gets the retry prompt, an ambiguous one (a bare "no" to the
/// blood-test question) the question's own clarification; a question gets its FAQ answer and the current question again.
/// </summary>
public sealed class SymptomCheckDialog : CancelAndHelpDialog
{
    public const string DialogId = nameof(SymptomCheckDialog);

    private const string QuestionStep = "SymptomCheck.question";
    private const string AnswerPrompt = "SymptomCheck.answer";
    private const string ProgressKey = "progress";
    private const string RecognitionKey = "SymptomCheck.recognized";

    private readonly Walkthrough _walkthrough;
    private readonly WalkthroughAnswerRecognizer _recognizer;
    private readonly WalkthroughAnswerPrompt _answerPrompt;

    /// <param name="commands">The owner of commands, shared with <see cref="MainDialog"/> (one is made from the matcher when not given).</param>
    public SymptomCheckDialog(FaqMatcher matcher, B12Content content, CommandInterruption? commands = null)
        : base(DialogId, matcher, content, commands)
    {
        _walkthrough = content.Walkthrough;
        _recognizer = new WalkthroughAnswerRecognizer(_walkthrough);

        // One question per pass: ask, record, then replace itself with the next pass (the SDK's loop pattern).
        AddDialog(new WaterfallDialog(QuestionStep, [AskAsync, RecordAsync]));
        _answerPrompt = new WalkthroughAnswerPrompt(AnswerPrompt, _walkthrough, (context, question) => RecognizeOnce(context, question, context.Activity.Text), ValidateAnswerAsync)
        {
            Style = ListStyle.SuggestedAction,
        };
        AddDialog(_answerPrompt);
        InitialDialogId = QuestionStep;
    }

    protected override async Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        SetProgress(innerDc, new SymptomCheckProgress());
        B12BotTelemetry.WalkthroughStarted();
        await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.Intro), cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(QuestionStep, null, cancellationToken).ConfigureAwait(false);
    }

    /// <remarks>
    /// An answer found only inside a message that is, as a whole, a command is not one: "i dont want to do this quiz, end
    /// it" holds "i dont" (No) but cancels, "no more questions" stops. A whole-message answer ("no") stays an answer.
    /// </remarks>
    protected override bool IsAnswerToCurrentStep(DialogContext innerDc, string text)
    {
        var progress = GetProgress(innerDc);
        if (progress.QuestionIndex >= _walkthrough.Questions.Count)
        {
            return false;
        }

        var answer = RecognizeOnce(innerDc.Context, _walkthrough.Questions[progress.QuestionIndex], text);
        return answer.IsAnswer && (answer.IsWholeMessage || Commands.Read(innerDc.Context) is null);
    }

    protected override async Task<DialogTurnResult> OnHelpAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.Help), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    protected override async Task<DialogTurnResult> OnCancelAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        B12BotTelemetry.WalkthroughCancelled();
        await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.Cancelled, MainTopicTitles()), cancellationToken).ConfigureAwait(false);
        return await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnRestartAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        SetProgress(innerDc, new SymptomCheckProgress());
        await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.Restarted), cancellationToken).ConfigureAwait(false);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(QuestionStep, null, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnBackAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        var progress = GetProgress(innerDc);
        var previous = _walkthrough.PreviousAnsweredIndex(progress.QuestionIndex, progress.Answers);
        if (previous < 0)
        {
            await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.AtFirstQuestion), cancellationToken).ConfigureAwait(false);
            await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
            return EndOfTurn;
        }

        progress.QuestionIndex = previous;
        progress.Answers.Remove(_walkthrough.Questions[previous].Id);
        SetProgress(innerDc, progress);
        await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
        return await innerDc.BeginDialogAsync(QuestionStep, null, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task<DialogTurnResult> OnQuestionAsync(DialogContext innerDc, FaqEntry entry, CancellationToken cancellationToken)
    {
        await innerDc.Context.SendActivityAsync(Replies.Message(entry.Answer), cancellationToken).ConfigureAwait(false);
        await innerDc.Context.SendActivityAsync(Replies.Message(_walkthrough.Resume), cancellationToken).ConfigureAwait(false);
        await innerDc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    private Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var question = _walkthrough.Questions[GetProgress(step).QuestionIndex];
        var choices = new List<Choice>(question.Choices.Count);
        foreach (var choice in question.Choices)
        {
            choices.Add(new Choice(choice.Label) { Synonyms = [.. choice.Synonyms] });
        }

        return step.PromptAsync(AnswerPrompt, new PromptOptions
        {
            Prompt = Replies.Message(question.Prompt),
            RetryPrompt = Replies.Message(_walkthrough.Retry + "\n\n" + question.Prompt),
            Choices = choices,
            Style = ListStyle.SuggestedAction,
            Validations = question.Id,
        }, cancellationToken);
    }

    /// <summary>
    /// An ambiguous answer (a bare "no" to the blood-test question) gets the question's clarification with the options,
    /// and the prompt waits (it does not add its retry). What the prompt recognized is taken as it is.
    /// </summary>
    private async Task<bool> ValidateAnswerAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken cancellationToken)
    {
        if (prompt.Recognized.Succeeded && prompt.Recognized.Value is not null)
        {
            return true;
        }

        if (_answerPrompt.QuestionOf(prompt.Options) is { Ambiguity: { } ambiguity } question
            && RecognizeOnce(prompt.Context, question, prompt.Context.Activity.Text).IsAmbiguous)
        {
            var labels = question.Choices.Select(c => c.Label);
            await prompt.Context.SendActivityAsync(Replies.Message(ambiguity.Reply + "\n\n" + question.Prompt, labels), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>
    /// Recognizes the message once per turn: the interruption check and the prompt both ask, and the second gets the
    /// first's result from the turn state.
    /// </summary>
    private RecognizedAnswer RecognizeOnce(ITurnContext context, WalkthroughQuestion question, string? text)
    {
        if (context.TurnState.Get<TurnRecognition>(RecognitionKey) is { } cached
            && cached.QuestionId == question.Id && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached.Answer;
        }

        var answer = _recognizer.Recognize(question, text);
        context.TurnState.Set(RecognitionKey, new TurnRecognition(question.Id, text, answer));
        return answer;
    }

    private async Task<DialogTurnResult> RecordAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var progress = GetProgress(step);
        var question = _walkthrough.Questions[progress.QuestionIndex];
        var found = (FoundChoice)step.Result!;
        progress.Answers[question.Id] = question.Choices[found.Index].Value;
        progress.QuestionIndex = _walkthrough.NextQuestionIndex(progress.QuestionIndex, progress.Answers);
        SetProgress(step, progress);
        if (progress.QuestionIndex < _walkthrough.Questions.Count)
        {
            return await step.ReplaceDialogAsync(QuestionStep, null, cancellationToken).ConfigureAwait(false);
        }

        var outcome = _walkthrough.Decide(progress.Answers);
        B12BotTelemetry.WalkthroughFinished(outcome.Id);
        await step.Context.SendActivityAsync(Replies.Message(WalkthroughReport.Describe(_walkthrough, progress.Answers), FollowUpTitles()), cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(outcome.Id, cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<string> FollowUpTitles()
    {
        foreach (var id in (string[])["next_steps", "before_starting", "labs"])
        {
            if (Content.TryGetEntry(id, out var entry))
            {
                yield return entry.Title;
            }
        }
    }

    /// <summary>The progress lives in this component's own instance state, beside its inner dialog stack.</summary>
    private static SymptomCheckProgress GetProgress(DialogContext innerDc) =>
        DialogStateValues.Get<SymptomCheckProgress>(ComponentState(innerDc), ProgressKey, BotState.JsonOf(innerDc.Context)) ?? new SymptomCheckProgress();

    private static void SetProgress(DialogContext innerDc, SymptomCheckProgress progress) => ComponentState(innerDc)[ProgressKey] = progress;

    private static IDictionary<string, object> ComponentState(DialogContext innerDc) =>
        (innerDc.Parent?.ActiveDialog ?? throw new InvalidOperationException("The symptom check runs inside a dialog context.")).State;

    /// <summary>This turn's recognition of the message for one question.</summary>
    private sealed record TurnRecognition(string QuestionId, string? Text, RecognizedAnswer Answer);
}

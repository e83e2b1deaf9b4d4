using System.Globalization;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs;

/// <summary>
/// A fixed sequence of steps. Each step usually asks something and returns; the answer (the user's text, or the
/// result of the prompt or child dialog the step began) is handed to the next step on a later turn. Past the last
/// step the waterfall ends with the last result.
/// Instance state: <c>options</c>, <c>values</c>, <c>instanceId</c>, <c>stepIndex</c>.
/// </summary>
public class WaterfallDialog : Dialog
{
    private const string PersistedOptions = "options";
    private const string PersistedValues = "values";
    private const string PersistedInstanceId = "instanceId";
    private const string StepIndex = "stepIndex";

    private readonly List<WaterfallStep> _steps;

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        _steps = steps is null ? [] : [.. steps];
    }

    public IReadOnlyList<WaterfallStep> Steps => _steps;

    public WaterfallDialog AddStep(WaterfallStep step)
    {
        _steps.Add(step ?? throw new ArgumentNullException(nameof(step)));
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.State;
        state[PersistedOptions] = options!;
        state[PersistedValues] = new Dictionary<string, object>(StringComparer.Ordinal);
        state[PersistedInstanceId] = Guid.NewGuid().ToString();
        return RunStepAsync(dc, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>The user answered: the answer's text goes to the next step. Activities other than messages are ignored.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return Task.FromResult(EndOfTurn);
        }

        return ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken);
    }

    /// <summary>The child dialog or step ended: run the next step with its result.</summary>
    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var index = DialogStateValues.ToInt32(dc.ActiveDialog!.State.TryGetValue(StepIndex, out var stored) ? stored : null);
        return RunStepAsync(dc, index + 1, reason, result, cancellationToken);
    }

    /// <summary>Runs one step. Override to wrap every step (logging, telemetry).</summary>
    protected virtual Task<DialogTurnResult> OnStepAsync(WaterfallStepContext stepContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return _steps[stepContext.Index](stepContext, cancellationToken);
    }

    protected async Task<DialogTurnResult> RunStepAsync(DialogContext dc, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = dc.ActiveDialog!.State;
        state[StepIndex] = index;
        state.TryGetValue(PersistedOptions, out var options);
        var values = DialogStateValues.GetDictionary(state, PersistedValues);
        var stepContext = new WaterfallStepContext(this, dc, DialogStateValues.FromJson(options), values, index, reason, result);
        return await OnStepAsync(stepContext, cancellationToken).ConfigureAwait(false);
    }

    internal string GetStepName(int index)
    {
        var name = index < _steps.Count ? _steps[index].Method.Name : null;
        // Lambdas compile to names like "<.ctor>b__0_0": those say nothing, so number them instead.
        return string.IsNullOrEmpty(name) || name.Contains('<', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"Step{index + 1}of{_steps.Count}")
            : name;
    }
}

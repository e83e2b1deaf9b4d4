using BotRuntime.State;

namespace BotRuntime.Dialogs;

/// <summary>
/// What a waterfall step sees: the result of the previous step (or of the child dialog it started), the options the
/// waterfall began with, and <see cref="Values"/> shared by all the steps of this waterfall instance across turns.
/// It is itself a <see cref="DialogContext"/> on the same stack, so steps can prompt, begin, end and replace dialogs.
/// </summary>
public class WaterfallStepContext : DialogContext
{
    private readonly WaterfallDialog _parentWaterfall;
    private bool _nextCalled;

    internal WaterfallStepContext(WaterfallDialog parentWaterfall, DialogContext dc, object? options, IDictionary<string, object> values, int index, DialogReason reason, object? result)
        : base(dc)
    {
        _parentWaterfall = parentWaterfall;
        Options = options;
        Values = values;
        Index = index;
        Reason = reason;
        Result = result;
    }

    /// <summary>The position of this step in the waterfall (0-based).</summary>
    public int Index { get; }

    /// <summary>
    /// The options the waterfall was begun with. After a reload from storage an object comes back as a JSON element:
    /// read it with <see cref="GetOptions{T}"/>.
    /// </summary>
    public object? Options { get; }

    public DialogReason Reason { get; }

    /// <summary>The previous step's result: the user's text, a prompt's recognized value, a child dialog's result.</summary>
    public object? Result { get; }

    /// <summary>
    /// Values kept for this waterfall instance across steps and turns. After a reload, strings, booleans and numbers
    /// (as long or double) come back as .NET values; objects and lists as JSON elements: read them with <see cref="GetValue{T}"/>.
    /// </summary>
    public IDictionary<string, object> Values { get; }

    /// <summary>The step's name, for logs (the method name of the step, or "Step{n}of{total}").</summary>
    public string StepName => _parentWaterfall.GetStepName(Index);

    /// <summary>The begin options as <typeparamref name="T"/>, whether live or reloaded from storage.</summary>
    public T? GetOptions<T>() => BotState.JsonOf(Context).As<T>(Options);

    /// <summary>A value from <see cref="Values"/> as <typeparamref name="T"/>, whether live or reloaded; default when absent.</summary>
    public T? GetValue<T>(string key) => Values.TryGetValue(key, out var value) ? BotState.JsonOf(Context).As<T>(value) : default;

    /// <summary>Skips to the next step in this same turn, handing it <paramref name="result"/>. Allowed once per step.</summary>
    public Task<DialogTurnResult> NextAsync(object? result = null, CancellationToken cancellationToken = default)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"WaterfallStepContext.NextAsync(): already called for dialog and step '{_parentWaterfall.Id}[{Index}]'.");
        }

        _nextCalled = true;
        return _parentWaterfall.ResumeDialogAsync(this, DialogReason.NextCalled, result, cancellationToken);
    }
}

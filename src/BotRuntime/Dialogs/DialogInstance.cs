namespace BotRuntime.Dialogs;

/// <summary>
/// One entry of the dialog stack: the id of the running dialog and its own persisted state.
/// Persisted as <c>{"id": ..., "state": {...}}</c>; after a reload the state's values are JSON elements.
/// </summary>
public class DialogInstance
{
    public DialogInstance() { }

    public DialogInstance(string id, IDictionary<string, object>? state = null)
    {
        Id = id;
        State = state ?? new Dictionary<string, object>(StringComparer.Ordinal);
    }

    public string Id { get; set; } = string.Empty;

    public IDictionary<string, object> State { get; set; } = new Dictionary<string, object>(StringComparer.Ordinal);
}

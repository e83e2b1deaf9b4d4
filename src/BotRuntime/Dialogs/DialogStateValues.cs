using System.Globalization;
using System.Text.Json;
using BotRuntime.Storage;

namespace BotRuntime.Dialogs;

/// <summary>
/// Reads dialog state that may be live (this turn) or reloaded from storage (a JSON element, numbers as long).
/// Materialised values are written back into the state so later changes are saved.
/// </summary>
public static class DialogStateValues
{
    /// <summary>An int from an int, a long, a double, a numeric string or a JSON number; 0 when absent or unreadable.</summary>
    public static int ToInt32(object? value) => value switch
    {
        null => 0,
        int i => i,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.TryGetInt32(out var i) ? i : (int)e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e => int.TryParse(e.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : 0,
        JsonElement => 0,
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// A JSON scalar as the .NET value it was written from: string, bool, long (integral numbers) or double; null for JSON null.
    /// Objects and arrays stay JSON elements: read them with <see cref="Get{T}"/> or <see cref="StateJson.As{T}(object?)"/>.
    /// </summary>
    public static object? FromJson(object? value) => value is JsonElement element
        ? element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => element,
        }
        : value;

    /// <summary>
    /// The dictionary stored under <paramref name="key"/>, made live: a reloaded JSON object becomes a dictionary
    /// (scalars converted by <see cref="FromJson"/>) and replaces the stored element. Missing → a new empty dictionary.
    /// </summary>
    public static IDictionary<string, object> GetDictionary(IDictionary<string, object> state, string key)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.TryGetValue(key, out var stored);
        if (stored is IDictionary<string, object> live)
        {
            return live;
        }

        var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
        if (stored is JsonElement { ValueKind: JsonValueKind.Object } element)
        {
            foreach (var property in element.EnumerateObject())
            {
                dictionary[property.Name] = FromJson(property.Value)!;
            }
        }

        state[key] = dictionary;
        return dictionary;
    }

    /// <summary>The typed value stored under <paramref name="key"/>, materialised from JSON once and written back.</summary>
    /// <param name="json">The turn's state JSON (<c>BotState.JsonOf(turnContext)</c>).</param>
    public static T? Get<T>(IDictionary<string, object> state, string key, StateJson json) where T : class
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(json);
        if (!state.TryGetValue(key, out var stored) || stored is null)
        {
            return null;
        }

        if (stored is T typed)
        {
            return typed;
        }

        var materialised = json.As<T>(stored);
        if (materialised is not null)
        {
            state[key] = materialised;
        }

        return materialised;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BotRuntime.Schema;

namespace BotRuntime.Storage;

/// <summary>
/// JSON options for stored state, one instance per host (registered by <c>AddBotState</c> and injected into the stores,
/// the state scopes and, through the turn, the dialogs). Source-generated metadata is used for the runtime's own types
/// and every context added to <see cref="BotStateJsonOptions"/>; other types fall back to reflection once (metadata is
/// cached by the options), which keeps user code simple.
/// </summary>
public sealed class StateJson
{
    /// <param name="typeInfoResolvers">Source-generated contexts for the bot's and the dialogs' state types, tried first.</param>
    public StateJson(IEnumerable<IJsonTypeInfoResolver> typeInfoResolvers)
    {
        ArgumentNullException.ThrowIfNull(typeInfoResolvers);
        Options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. typeInfoResolvers, StateJsonContext.Default, BotJsonContext.Default, new DefaultJsonTypeInfoResolver()]),
        };
        Options.MakeReadOnly();
    }

    /// <summary>
    /// The runtime's types only, for a store or state made without a service provider (a test, a tool): other types
    /// go through reflection.
    /// </summary>
    public static StateJson Default { get; } = new(Array.Empty<IJsonTypeInfoResolver>());

    public JsonSerializerOptions Options { get; }

    /// <summary>
    /// Turns a state value back into <typeparamref name="T"/>: values come back from storage as JSON elements,
    /// and numbers may come back as long or double, so live objects and stored ones read the same.
    /// </summary>
    public T? As<T>(object? value)
    {
        switch (value)
        {
            case null:
                return default;
            case T typed:
                return typed;
            case JsonElement element:
                return element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? default : element.Deserialize<T>(Options);
            default:
                var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
                if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(type))
                {
                    return (T)Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
                }

                return JsonSerializer.SerializeToElement(value, value.GetType(), Options).Deserialize<T>(Options);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<object>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(Guid))]
internal sealed partial class StateJsonContext : JsonSerializerContext;

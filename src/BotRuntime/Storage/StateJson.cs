using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BotRuntime.Schema;

namespace BotRuntime.Storage;

/// <summary>
/// JSON options for stored state. Source-generated metadata is used for every type the runtime and the bot register;
/// other types fall back to reflection once (metadata is cached by the options), which keeps user code simple.
/// </summary>
public static class StateJson
{
    private static readonly List<IJsonTypeInfoResolver> Registered = [];
    private static JsonSerializerOptions? _options;

    public static JsonSerializerOptions Options => _options ??= Build();

    /// <summary>Adds a source-generated context for the bot's own state types. Call at start-up, before the first turn.</summary>
    public static void Register(IJsonTypeInfoResolver resolver)
    {
        lock (Registered)
        {
            Registered.Add(resolver);
            _options = null;
        }
    }

    private static JsonSerializerOptions Build()
    {
        lock (Registered)
        {
            var resolvers = new List<IJsonTypeInfoResolver>(Registered) { StateJsonContext.Default, BotJsonContext.Default, Dialogs.DialogJsonContext.Default, new DefaultJsonTypeInfoResolver() };
            var options = new JsonSerializerOptions
            {
                PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
                DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
                PropertyNameCaseInsensitive = true,
                TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
            };
            options.MakeReadOnly();
            return options;
        }
    }

    /// <summary>
    /// Turns a state value back into <typeparamref name="T"/>: values come back from storage as JSON elements,
    /// and numbers may come back as long or double, so live objects and stored ones read the same.
    /// </summary>
    public static T? As<T>(object? value)
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

using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotRuntime.Storage;

/// <summary>
/// What every storage does to a value before it is stored: serialize it to a JSON object, find the eTag it carries,
/// and after the write hand the new eTag back to the caller's object. One place, so all stores behave alike.
/// </summary>
public static class StorageDocument
{
    public const string ETagProperty = "eTag";

    /// <summary>
    /// The eTag of an item that was missing when it was read: the write succeeds only if the key still does not exist,
    /// so two first turns of one new conversation cannot both win. It never matches a stored eTag.
    /// </summary>
    public const string AbsentETag = "!absent";

    public static JsonNode? Serialize(object? value, JsonSerializerOptions options) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), options),
    };

    /// <summary>The eTag a value asks to be written against: null or "*" mean unconditional.</summary>
    public static string? IncomingETag(JsonNode? document) =>
        document is JsonObject obj && obj.TryGetPropertyValue(ETagProperty, out var tag) && tag is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : null;

    public static bool IsConditional(string? incomingETag) => !string.IsNullOrEmpty(incomingETag) && incomingETag != "*";

    public static void Stamp(JsonNode? document, string newETag)
    {
        if (document is JsonObject obj)
        {
            obj[ETagProperty] = newETag;
        }
    }

    public static void HandBack(object? value, string newETag)
    {
        switch (value)
        {
            case IStoreItem item:
                item.ETag = newETag;
                break;
            case IDictionary<string, object?> dictionary:
                dictionary[ETagProperty] = newETag;
                break;
            case JsonObject obj:
                obj[ETagProperty] = newETag;
                break;
        }
    }

    public static JsonElement ToElement(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}

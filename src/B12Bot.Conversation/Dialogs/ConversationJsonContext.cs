using System.Text.Json.Serialization;
using BotRuntime.Storage;

namespace B12Bot.Conversation.Dialogs;

/// <summary>Source-generated JSON for the bot's own state types, so saving and loading state needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SymptomCheckProgress))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class ConversationJsonContext : JsonSerializerContext
{
    private static int _registered;

    /// <summary>Adds this context to the state serializer once per process.</summary>
    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            StateJson.Register(Default);
        }
    }
}

using System.Text.Json.Serialization;
using BotRuntime.Storage;

namespace B12Bot.Conversation.Handoff;

/// <summary>Source-generated JSON for the handoff's stored types.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HandoffSession))]
[JsonSerializable(typeof(ClinicChannel))]
[JsonSerializable(typeof(VisitorHandoffState))]
[JsonSerializable(typeof(HandoffIndex))]
public sealed partial class HandoffJsonContext : JsonSerializerContext
{
    private static int _registered;

    public static void EnsureRegistered()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            StateJson.Register(Default);
        }
    }
}

using System.Text.Json.Serialization;

namespace B12Bot.Conversation.Handoff;

/// <summary>Source-generated JSON for the handoff's stored types (added to the state JSON by <see cref="HandoffServiceCollectionExtensions.AddHandoff"/>).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(HandoffSession))]
[JsonSerializable(typeof(ClinicChannel))]
[JsonSerializable(typeof(VisitorHandoffState))]
[JsonSerializable(typeof(HandoffIndex))]
public sealed partial class HandoffJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization.Metadata;

namespace BotRuntime.Storage;

/// <summary>
/// The source-generated JSON contexts of the types a host keeps in state (the dialogs', the bot's own), so saving and
/// loading them needs no reflection. Added with <see cref="BotStateBuilder.AddStateTypes"/>; read once, when
/// <see cref="StateJson"/> is built.
/// </summary>
public sealed class BotStateJsonOptions
{
    public IList<IJsonTypeInfoResolver> TypeInfoResolvers { get; } = [];
}

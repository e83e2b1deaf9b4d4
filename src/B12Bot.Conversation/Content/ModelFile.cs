using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace B12Bot.Conversation.Content;

/// <summary>Reads a fitted model's JSON file (dialogs/*-model.json), naming the file in every problem.</summary>
internal static class ModelFile
{
    /// <param name="what">The model as a problem names it ("the crisis model").</param>
    public static T Read<T>(string path, JsonTypeInfo<T> type, string what)
        where T : class
    {
        T? model;
        try
        {
            model = JsonSerializer.Deserialize(File.ReadAllText(path), type);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidOperationException($"{path}: cannot read {what}: {e.Message}", e);
        }

        return model ?? throw new InvalidOperationException($"{path}: {what} is empty.");
    }
}

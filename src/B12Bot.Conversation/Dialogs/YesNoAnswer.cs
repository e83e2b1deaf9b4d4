using BotRuntime.Dialogs.Choices;

namespace B12Bot.Conversation.Dialogs;

/// <summary>Reads a Yes/No answer ("yes", "yep", "no thanks", the buttons' words); null when it is neither.</summary>
internal static class YesNoAnswer
{
    public static readonly string[] Buttons = ["Yes", "No"];

    public static bool? Read(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : BooleanRecognizer.RecognizeBoolean(text, "en-us")?.Resolution.Value;
}

using System.Text.Json.Serialization;

namespace BotRuntime.Dialogs.Choices;

/// <summary>How a prompt shows its choices.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ListStyle>))]
public enum ListStyle
{
    /// <summary>No choices are shown, only the prompt text.</summary>
    None,

    /// <summary>Chosen for the channel by <see cref="ChoiceFactory.ForChannel"/>.</summary>
    Auto,

    /// <summary>In the text: "(1) Yes or (2) No".</summary>
    Inline,

    /// <summary>A numbered list under the text.</summary>
    List,

    /// <summary>Suggested-action buttons that disappear once tapped.</summary>
    SuggestedAction,

    /// <summary>A hero card with one imBack button per choice.</summary>
    HeroCard,
}

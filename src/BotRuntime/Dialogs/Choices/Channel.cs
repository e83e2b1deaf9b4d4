using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.Dialogs.Choices;

/// <summary>What each channel can show, as the SDK's table has it, for choosing how to present choices.</summary>
public static class Channel
{
    /// <summary>Button titles longer than this are cut off by channels, so such choices are listed in text instead.</summary>
    public const int MaxActionTitleLength = 20;

    /// <summary>
    /// Whether the channel shows <paramref name="buttonCount"/> suggested actions. Teams shows them only in a personal
    /// (one-to-one) chat, and at most three.
    /// </summary>
    public static bool SupportsSuggestedActions(string? channelId, int buttonCount = 100, string? conversationType = null) =>
        channelId switch
        {
            "facebook" or "skype" => buttonCount <= 10,
            "line" => buttonCount <= 13,
            "kik" => buttonCount <= 20,
            Channels.Telegram or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat or Channels.Test => buttonCount <= 100,
            Channels.Msteams => string.Equals(conversationType, "personal", StringComparison.OrdinalIgnoreCase) && buttonCount <= 3,
            _ => false,
        };

    /// <summary>Whether the channel shows <paramref name="buttonCount"/> card buttons.</summary>
    public static bool SupportsCardActions(string? channelId, int buttonCount = 100) =>
        channelId switch
        {
            "facebook" or "skype" => buttonCount <= 3,
            Channels.Msteams => buttonCount <= 50,
            "line" => buttonCount <= 99,
            Channels.Slack or Channels.Telegram or Channels.Emulator or Channels.Directline or Channels.DirectlineSpeech or Channels.Webchat or Channels.Test => buttonCount <= 100,
            _ => false,
        };

    /// <summary>Whether the channel has a message feed (Cortana-style voice channels do not).</summary>
    public static bool HasMessageFeed(string? channelId) => channelId != "cortana";

    public static string? GetChannelId(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.Activity.ChannelId;
    }
}

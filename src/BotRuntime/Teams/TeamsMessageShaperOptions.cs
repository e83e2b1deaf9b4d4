namespace BotRuntime.Teams;

/// <summary>Limits that <see cref="TeamsMessageShaper"/> applies to outgoing Teams messages.</summary>
public sealed class TeamsMessageShaperOptions
{
    /// <summary>Teams shows at most three suggested actions, and only in personal chats.</summary>
    public int MaxSuggestedActions { get; set; } = 3;

    /// <summary>Buttons on the Adaptive Card that carries choices Teams cannot show as suggested actions (Teams shows up to six card actions).</summary>
    public int MaxCardButtons { get; set; } = 6;

    /// <summary>
    /// Largest serialized activity, in JSON characters. Teams refuses messages over 100 KB counted as UTF-16
    /// (413 MessageSizeTooBig), i.e. about 51,200 characters; the default leaves room for what the connector adds.
    /// Characters outside ASCII are counted as their 6-character JSON escapes, which only errs on the safe side.
    /// </summary>
    public int MaxPayloadChars { get; set; } = 48_000;

    /// <summary>A longer text is split into at most this many messages; the last one is shortened with a notice.</summary>
    public int MaxPartsPerMessage { get; set; } = 4;

    /// <summary>Appended where a text had to be shortened.</summary>
    public string TruncationNotice { get; set; } = "\n\n(This message was shortened because it is too long to show in Teams.)";

    /// <summary>Replaces attachments that alone are too large for a Teams message.</summary>
    public string OversizedAttachmentNotice { get; set; } = "(Part of this message was too large to show in Teams.)";
}

using BotRuntime.Storage;

namespace B12Bot.Conversation.Handoff;

public enum HandoffStatus
{
    /// <summary>Posted to the clinic channel; nobody has taken it yet.</summary>
    Waiting,

    /// <summary>A team member took it: messages are relayed both ways.</summary>
    Connected,

    /// <summary>Nobody took it in time (or the clinic was closed): the visitor was offered a callback.</summary>
    CallbackOffered,

    /// <summary>Over (ended by either side, or the callback was handled).</summary>
    Ended,
}

/// <summary>
/// One handoff: the visitor's conversation, the clinic thread, who took it. Kept in the state store (IStorage) so it
/// survives restarts and serves every instance; written with its eTag, so two team members pressing "Take" at once
/// cannot both win. Holds no message text.
/// </summary>
public sealed class HandoffSession : IStoreItem
{
    public string Id { get; set; } = string.Empty;

    public HandoffStatus Status { get; set; }

    public string VisitorChannelId { get; set; } = string.Empty;

    public string VisitorConversationId { get; set; } = string.Empty;

    public string? VisitorUserId { get; set; }

    public string? VisitorServiceUrl { get; set; }

    public string? VisitorLocale { get; set; }

    /// <summary>The clinic thread (Teams conversation id of the thread), once posted.</summary>
    public string? ThreadId { get; set; }

    /// <summary>The card's message id in the thread (to update it).</summary>
    public string? CardActivityId { get; set; }

    public string? StaffName { get; set; }

    public string? StaffAadObjectId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the wait for a taker runs out.</summary>
    public DateTimeOffset TakeBy { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the session record (and a callback contact it led to) is deleted.</summary>
    public DateTimeOffset DeleteAfter { get; set; }

    public string? ETag { get; set; }

    public bool IsActive => Status is HandoffStatus.Waiting or HandoffStatus.Connected;
}

/// <summary>Where the bot posts in Teams: learned from the installation conversationUpdate, kept in the state store.</summary>
public sealed class ClinicChannel
{
    public string ServiceUrl { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string? TeamId { get; set; }

    /// <summary>The channel the bot was installed from (or last heard in).</summary>
    public string ChannelId { get; set; } = string.Empty;

    public string BotId { get; set; } = string.Empty;

    public string? BotName { get; set; }

    public DateTimeOffset LearnedAt { get; set; }
}

/// <summary>
/// The handoff's part of a visitor's conversation state: the session in progress, and (for sharing with consent)
/// the visitor's last few messages and the walkthrough summary. Cleared with the conversation state.
/// </summary>
public sealed class VisitorHandoffState
{
    public string? SessionId { get; set; }

    public List<string> RecentMessages { get; set; } = [];

    public string? WalkthroughSummary { get; set; }
}

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// The self-hosted Direct Line 3.0 channel, bound from the <c>DirectLine</c> configuration section.
/// Every value has a working default for a single-process deployment; see docs/webchat-embedding.md.
/// </summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The HMAC key (at least 32 characters) that signs conversation tokens. Empty: a random key per process, which is
    /// right for one instance with in-memory history (tokens then die with the conversations they grant). Required with
    /// a shared history (several instances), and the same on every instance.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid; clients refresh it before it runs out. The Direct Line service uses 30 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The Direct Line secret the bot owner's server uses for <c>POST /tokens/generate</c> (and any call, as with the
    /// real service). Empty: secret authentication is off and only the page's token endpoint hands out tokens.
    /// It must never reach a browser.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Origins (scheme://host[:port]) of the sites allowed to call the channel from a browser.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The channelId the bot sees: "webchat" (Web Chat) or "directline".</summary>
    public string ChannelId { get; set; } = "webchat";

    /// <summary>The bot's account on this channel (recipient of user activities, sender of replies).</summary>
    public string BotId { get; set; } = "bot";

    public string BotName { get; set; } = "Bot";

    /// <summary>
    /// The public base URL (e.g. https://chat.example.com) used for stream URLs and the page configuration when the
    /// host sits behind a proxy that rewrites the host name. Empty: taken from each request.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>The largest accepted activity body in bytes.</summary>
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>The longest accepted message text, in characters (Web Chat's send box stops at 2000 by default).</summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>How long the channel waits for the bot's turn before answering the client with 502 BotTimeout.</summary>
    public TimeSpan BotTurnTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Most activities sent in one activity set (a page of history).</summary>
    public int MaxActivitiesPerSet { get; set; } = 100;

    public DirectLineHistoryOptions History { get; set; } = new();

    public WebChatPageOptions WebChat { get; set; } = new();

    /// <summary>Token requests one client address may make per minute on the page's token endpoint (0 = no limit).</summary>
    public int TokenRequestsPerMinute { get; set; } = 30;

    /// <summary>Activities one conversation may post per minute, over all its tokens (0 = no limit).</summary>
    public int ActivityPostsPerMinute { get; set; } = 30;

    /// <summary>
    /// WebSocket streams this instance holds open at once, over all visitors (0 = no limit). Past it a new stream is
    /// refused with 503 and Retry-After (another instance, or a later try, may have room); Web Chat tries again.
    /// Counted per instance.
    /// </summary>
    public int MaxOpenStreams { get; set; } = 5000;

    /// <summary>
    /// WebSocket streams one client address (after forwarded headers from known proxies) may hold open on this instance
    /// at once (0 = no limit). Past it a new stream is refused with 429 and Retry-After. Counted per instance; visitors
    /// behind one office or mobile-carrier address share it, so keep it well above one person's tabs.
    /// </summary>
    public int MaxStreamsPerClientAddress { get; set; } = 50;

    /// <summary>
    /// The longest a conversation lives from its start, sealed in its tokens: refreshing or reconnecting cannot extend
    /// it. A page that comes back later starts a new conversation.
    /// </summary>
    public TimeSpan ConversationLifetime { get; set; } = TimeSpan.FromHours(4);
}

/// <summary>Where the conversation history lives, and its bounds.</summary>
public sealed class DirectLineHistoryOptions
{
    /// <summary>
    /// "Memory" (default: conversations end with the process), "Sqlite" (a page reload after a restart resumes the
    /// conversation; needs <see cref="DirectLineOptions.TokenSigningKey"/> so the page's token survives the restart too)
    /// or "PostgreSql" (several instances share the history and fan new activities out to the instance holding the
    /// visitor's WebSocket; the default when BotState:Provider is PostgreSql; needs the signing key on every instance).
    /// </summary>
    public string Provider { get; set; } = "Memory";

    /// <summary>The SQLite file for the "Sqlite" provider; a relative path is taken from the content root.</summary>
    public string SqlitePath { get; set; } = "data/directline-history.db";

    /// <summary>A conversation with no activity for this long is forgotten (a reload after that starts a new one).</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Most conversations kept at once; past it the least recently active one is dropped.</summary>
    public int MaxConversations { get; set; } = 5000;

    /// <summary>Most activities kept per conversation; older ones fall out of the replay.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 300;

    /// <summary>Most bytes of stored activity JSON per conversation; the oldest activities fall out first.</summary>
    public int MaxBytesPerConversation { get; set; } = 256 * 1024;
}

/// <summary>What the chat page is told by <c>GET /webchat/config</c>.</summary>
public sealed class WebChatPageOptions
{
    /// <summary>
    /// The Direct Line base URL the page talks to, including /v3/directline. Empty: this host's own channel.
    /// Set it to the Azure Direct Line URL (e.g. https://europe.directline.botframework.com/v3/directline) to use Azure.
    /// </summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Where the page POSTs to get a token. Empty: this host's <c>/webchat/token</c>. With Azure Direct Line, either
    /// the site's own token endpoint or this host's endpoint with <see cref="AzureSecret"/> set.
    /// </summary>
    public string? TokenUrl { get; set; }

    /// <summary>
    /// With Azure Direct Line: the Azure channel secret that this host's <c>/webchat/token</c> exchanges for a token.
    /// Kept on the server; the page only ever sees tokens.
    /// </summary>
    public string? AzureSecret { get; set; }

    /// <summary>Use the WebSocket stream (true) or poll for activities (false, for networks that block WebSockets).</summary>
    public bool WebSocket { get; set; } = true;

    /// <summary>Polling interval in milliseconds when <see cref="WebSocket"/> is false (directlinejs ignores values under 200).</summary>
    public int PollingIntervalMs { get; set; } = 1000;

    /// <summary>The locale the page starts conversations in (e.g. en-GB). Empty: the browser's language.</summary>
    public string? Locale { get; set; }
}

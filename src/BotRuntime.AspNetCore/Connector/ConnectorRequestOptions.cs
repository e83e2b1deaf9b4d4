namespace BotRuntime.AspNetCore.Connector;

/// <summary>
/// What <see cref="BotConnectorClient"/> records on each request about the activity it carries, for handlers in the
/// connector's HttpClient (channel-specific pacing, for example) that must not parse the body.
/// </summary>
public static class ConnectorRequestOptions
{
    /// <summary>The channel of the activity (its channelId).</summary>
    public static readonly HttpRequestOptionsKey<string> ChannelId = new("BotConnector.ChannelId");

    /// <summary>The conversation the request is about.</summary>
    public static readonly HttpRequestOptionsKey<string> ConversationId = new("BotConnector.ConversationId");
}

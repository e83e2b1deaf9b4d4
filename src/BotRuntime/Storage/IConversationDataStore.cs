namespace BotRuntime.Storage;

/// <summary>
/// A store that keeps a conversation's data outside bot state (a channel's message history, a transcript) and can
/// forget it on request: what "delete my data" and the Bot Framework's <c>deleteUserData</c> activity call.
/// </summary>
public interface IConversationDataStore
{
    /// <summary>Removes what is kept of the conversation's messages; returns how many items went.</summary>
    Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default);
}

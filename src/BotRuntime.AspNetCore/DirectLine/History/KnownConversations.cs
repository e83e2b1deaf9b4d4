using System.Collections.Concurrent;

namespace BotRuntime.AspNetCore.DirectLine.History;

/// <summary>
/// The conversations this instance has started or looked up, by id, with their fixed fields (user, name, locale,
/// start), so that a visitor's post needs no lookup first: on a shared store that lookup is one more round trip per
/// message. Whether the conversation is still live is not kept here; the append that stores the post answers that
/// (an idle or forgotten conversation makes it fail, and the post gets 404 as before). Bounded: when full it starts
/// afresh, and the next post of each conversation looks it up once more.
/// </summary>
public sealed class KnownConversations(int capacity)
{
    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    public bool TryGet(string conversationId, out DirectLineConversation conversation) =>
        _conversations.TryGetValue(conversationId, out conversation!);

    public void Remember(DirectLineConversation conversation)
    {
        if (_conversations.Count >= Math.Max(1, capacity))
        {
            _conversations.Clear();
        }

        _conversations[conversation.Id] = conversation;
    }

    public void Forget(string conversationId) => _conversations.TryRemove(conversationId, out _);
}

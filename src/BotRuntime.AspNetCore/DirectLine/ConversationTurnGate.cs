namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Bounds the turns of one conversation: one running and at most <c>maxWaiting</c> more (the adapter runs them one
/// at a time). A visitor who double-sends is served; a script that floods one conversation is refused at once instead
/// of queueing turns without end. Entries exist only while a conversation has turns in flight.
/// </summary>
public sealed class ConversationTurnGate(int maxWaiting)
{
    private readonly Dictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    public bool TryEnter(string conversationId)
    {
        lock (_inFlight)
        {
            _inFlight.TryGetValue(conversationId, out var count);
            if (count > maxWaiting)
            {
                return false;
            }

            _inFlight[conversationId] = count + 1;
            return true;
        }
    }

    public void Exit(string conversationId)
    {
        lock (_inFlight)
        {
            if (_inFlight.TryGetValue(conversationId, out var count))
            {
                if (count <= 1)
                {
                    _inFlight.Remove(conversationId);
                }
                else
                {
                    _inFlight[conversationId] = count - 1;
                }
            }
        }
    }

    public int ConversationsInFlight
    {
        get
        {
            lock (_inFlight)
            {
                return _inFlight.Count;
            }
        }
    }
}

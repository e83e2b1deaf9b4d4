namespace B12Bot.Conversation.Content;

/// <summary>
/// One emergency sign: a word of each class in <see cref="All"/> close together in one sentence
/// (for example "trouble" + "breathing", or "throat" + "swelling").
/// </summary>
public sealed record EmergencySign(
    string Id,
    IReadOnlyList<string> All,
    IReadOnlyList<string> Unless,
    int Window,
    bool Ordered,
    bool HistorySensitive);

using System.Security.Cryptography;
using System.Text;
using BotRuntime.Storage;

namespace B12Bot.Transcripts;

/// <summary>One visitor message as the transcript keeps it: already redacted, with how the bot handled it.</summary>
public sealed record TranscriptEntry(DateTimeOffset Time, string Text, string Outcome);

/// <summary>
/// The opt-in transcript: redacted visitor messages with their outcome, keyed by a hash of the channel and conversation
/// (ids are not kept), removed by the retention sweep (<see cref="IExpiringStore"/>) and by "delete my data"
/// (<see cref="IConversationDataStore"/>). It lives in the same kind of store as the conversation state: a SQLite file
/// of the instance, or a PostgreSQL table or Azure Blob container every instance shares, so the unanswered-question
/// groups are the same on each.
/// </summary>
public interface ITranscriptStore : IExpiringStore, IConversationDataStore
{
    /// <summary>The most messages one read returns (the newest), so a report's work stays bounded however much is kept.</summary>
    const int MaxEntriesRead = 10_000;

    Task AddAsync(string channelId, string conversationId, string redactedText, string outcome, CancellationToken cancellationToken = default);

    /// <summary>The kept messages with one of <paramref name="outcomes"/> (at most <see cref="MaxEntriesRead"/>, the newest), oldest first.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default);
}

/// <summary>What every transcript store keys and keeps by, so they all forget and expire the same way.</summary>
internal static class TranscriptRecords
{
    /// <summary>The conversation as the transcript knows it: a hash, never the channel's ids.</summary>
    public static string ConversationHash(string channelId, string conversationId) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(channelId + "\n" + conversationId)));

    /// <summary>Messages older than this go: the transcript's own retention, or else the conversation idle cut-off of the sweep.</summary>
    public static DateTimeOffset Cutoff(TimeSpan? retention, TimeProvider time, DateTimeOffset idleSince) =>
        retention is { } kept ? time.GetUtcNow() - kept : idleSince;
}

using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BotRuntime.Storage;

namespace B12Bot.Transcripts;

/// <summary>
/// The opt-in transcript in an Azure Blob container (Transcript:AzureBlobsContainer) of the state account, shared by
/// every instance (BotState:Provider AzureBlobs). One small blob per message, named
/// "{conversation hash}/{UTC ticks}-{random}" with the outcome in its metadata: a listing finds a conversation's
/// messages (to forget them), their age (for the sweep) and their outcome (for the report) without opening them.
/// </summary>
public sealed class AzureBlobTranscriptStore(BlobContainerClient container, TimeSpan? retention, TimeProvider time) : ITranscriptStore
{
    private const string OutcomeKey = "outcome";
    private const int ParallelDownloads = 8;

    private readonly OneTimeSetup _containerSetup = new(ct => container.CreateIfNotExistsAsync(cancellationToken: ct));

    public async Task AddAsync(string channelId, string conversationId, string redactedText, string outcome, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var name = $"{TranscriptRecords.ConversationHash(channelId, conversationId)}/{time.GetUtcNow().UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(redactedText), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [OutcomeKey] = outcome },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(IReadOnlyCollection<string> outcomes, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var wanted = outcomes.ToHashSet(StringComparer.Ordinal);
        var found = new List<(string Name, DateTimeOffset Time, string Outcome)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, prefix: null, cancellationToken).ConfigureAwait(false))
        {
            if (blob.Metadata.TryGetValue(OutcomeKey, out var outcome) && wanted.Contains(outcome) && TimeOf(blob.Name) is { } at)
            {
                found.Add((blob.Name, at, outcome));
            }
        }

        var newest = found.OrderByDescending(b => b.Time).ThenByDescending(b => b.Name, StringComparer.Ordinal).Take(ITranscriptStore.MaxEntriesRead).ToList();
        var texts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(newest, new ParallelOptions { MaxDegreeOfParallelism = ParallelDownloads, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            try
            {
                var content = await container.GetBlobClient(blob.Name).DownloadContentAsync(ct).ConfigureAwait(false);
                texts[blob.Name] = content.Value.Content.ToString();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Forgotten or swept since the listing.
            }
        }).ConfigureAwait(false);

        return [.. newest.Where(b => texts.ContainsKey(b.Name)).Reverse().Select(b => new TranscriptEntry(b.Time, texts[b.Name], b.Outcome))];
    }

    public async Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = TranscriptRecords.Cutoff(retention, time, idleSince);
        var removed = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (TimeOf(blob.Name) is { } at && at < cutoff && await DeleteAsync(blob.Name, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    public async Task<int> ForgetConversationAsync(string channelId, string conversationId, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var removed = 0;
        var prefix = TranscriptRecords.ConversationHash(channelId, conversationId) + "/";
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (await DeleteAsync(blob.Name, cancellationToken).ConfigureAwait(false))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The time in a blob's name ("{hash}/{ticks}-{random}"); null for a blob this store did not write.</summary>
    private static DateTimeOffset? TimeOf(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var dash = name.IndexOf('-', slash + 1);
        return slash > 0 && dash > slash
            && long.TryParse(name.AsSpan(slash + 1, dash - slash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    private async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var response = await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    private Task EnsureContainerAsync(CancellationToken cancellationToken) => _containerSetup.EnsureAsync(cancellationToken);
}

using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BotRuntime.Storage;

namespace BotRuntime.Storage.AzureBlobs;

/// <summary>
/// Bot state in an Azure Blob Storage container, one blob per key (<see cref="BlobKeyEncoder"/>). The blob's ETag is the
/// state's eTag: a conditional write sends If-Match, the first write of a new item If-None-Match: *, so the service
/// refuses the loser of two concurrent writers. The retention sweep removes blobs not modified since the idle cutoff,
/// each only if it is still the version it listed (If-Match), so a conversation written meanwhile stays.
/// </summary>
public sealed class AzureBlobStorage : IStorage, IExpiringStore
{
    private const string ProviderName = "Azure Blob Storage";

    private readonly BlobContainerClient _container;
    private readonly JsonSerializerOptions _options;
    private readonly OneTimeSetup _containerSetup;

    public AzureBlobStorage(BlobContainerClient container, JsonSerializerOptions? options = null)
    {
        _container = container ?? throw new ArgumentNullException(nameof(container));
        _options = options ?? StateJson.Default.Options;
        _containerSetup = new OneTimeSetup(ct => _container.CreateIfNotExistsAsync(cancellationToken: ct));
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync(async ct =>
        {
            var result = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                try
                {
                    var download = await _container.GetBlobClient(BlobKeyEncoder.ToBlobName(key)).DownloadContentAsync(ct).ConfigureAwait(false);
                    var document = JsonNode.Parse(download.Value.Content.ToMemory().Span);
                    StorageDocument.Stamp(document, download.Value.Details.ETag.ToString());
                    result[key] = StorageDocument.ToElement(document?.ToJsonString() ?? "null");
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.NotFound)
                {
                    // Missing keys are absent from the result.
                }
            }

            return (IDictionary<string, object>)result;
        }, cancellationToken);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return RunAsync(async ct =>
        {
            // Blob Storage has no multi-blob transaction: each item is written on its own, conditionally.
            foreach (var (key, value) in changes)
            {
                var document = StorageDocument.Serialize(value, _options);
                var incoming = StorageDocument.IncomingETag(document);
                if (document is JsonObject obj)
                {
                    obj.Remove(StorageDocument.ETagProperty);
                }

                var conditions = !StorageDocument.IsConditional(incoming) ? null
                    : incoming == StorageDocument.AbsentETag ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                    : new BlobRequestConditions { IfMatch = new ETag(incoming!) };
                var content = BinaryData.FromString(document?.ToJsonString(_options) ?? "null");
                try
                {
                    var uploaded = await _container.GetBlobClient(BlobKeyEncoder.ToBlobName(key)).UploadAsync(
                        content,
                        new BlobUploadOptions { Conditions = conditions, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
                        ct).ConfigureAwait(false);
                    StorageDocument.HandBack(value, uploaded.Value.ETag.ToString());
                }
                catch (RequestFailedException ex) when (conditions is not null && ex.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
                {
                    throw new EtagConflictException(key);
                }
            }

            return true;
        }, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync(async ct =>
        {
            foreach (var key in keys)
            {
                await _container.GetBlobClient(BlobKeyEncoder.ToBlobName(key)).DeleteIfExistsAsync(cancellationToken: ct).ConfigureAwait(false);
            }

            return true;
        }, cancellationToken);
    }

    public Task<int> RemoveIdleAsync(DateTimeOffset idleSince, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            var removed = 0;
            await foreach (var blob in _container.GetBlobsAsync(cancellationToken: ct).ConfigureAwait(false))
            {
                if (blob.Properties.LastModified is not { } modified || modified >= idleSince)
                {
                    continue;
                }

                try
                {
                    var conditions = new BlobRequestConditions { IfMatch = blob.Properties.ETag };
                    if ((await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(conditions: conditions, cancellationToken: ct).ConfigureAwait(false)).Value)
                    {
                        removed++;
                    }
                }
                catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.PreconditionFailed)
                {
                    // Written since it was listed: no longer idle.
                }
            }

            return removed;
        }, cancellationToken);

    /// <summary>Makes sure the container exists, then runs the call; errors that may pass become <see cref="StorageUnavailableException"/>.</summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await _containerSetup.EnsureAsync(cancellationToken).ConfigureAwait(false);
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 0 or 408 or 429 or >= 500)
        {
            throw new StorageUnavailableException(ProviderName, ex);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is RequestFailedException or HttpRequestException))
        {
            throw new StorageUnavailableException(ProviderName, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new StorageUnavailableException(ProviderName, ex);
        }
    }
}

using Azure.Storage.Blobs;
using BotRuntime.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.Storage.AzureBlobs;

public static class AzureBlobBotStateBuilderExtensions
{
    public const string ProviderName = "AzureBlobs";

    /// <summary>
    /// State in Azure Blob Storage (<c>BotState:Provider = AzureBlobs</c>): <c>BotState:AzureBlobs:ConnectionString</c>
    /// and optionally <c>BotState:AzureBlobs:Container</c> (default bot-state, created if missing).
    /// </summary>
    public static BotStateBuilder AddAzureBlobStore(this BotStateBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var section = builder.Configuration.GetSection(ProviderName);
        var connectionString = section["ConnectionString"];
        if (builder.IsSelected(ProviderName) && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("BotState:AzureBlobs:ConnectionString is required for the AzureBlobs provider.");
        }

        var container = string.IsNullOrWhiteSpace(section["Container"]) ? "bot-state" : section["Container"]!;
        return builder.AddProvider(ProviderName, sp => new AzureBlobStorage(CreateContainerClient(connectionString!, container), sp.GetRequiredService<StateJson>().Options));
    }

    /// <summary>A container client that leaves retries to the runtime's storage pipeline (one retry policy, not two stacked).</summary>
    public static BlobContainerClient CreateContainerClient(string connectionString, string container)
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return new BlobContainerClient(connectionString, container, options);
    }
}

using BotRuntime.Storage.AzureBlobs;
using BotRuntime.Storage.PostgreSql;
using BotRuntime.Storage.Sqlite;
using BotRuntime.Storage.Tests.Servers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BotRuntime.Storage.Tests;

public sealed class MemoryStorageContractTests : StorageProviderContract
{
    protected override Task<IStorage> CreateAsync() => Task.FromResult<IStorage>(new MemoryStorage());

    // One process holds the memory store: its "other instance" is the same object.
    protected override Task<IStorage> CreateNeighbourAsync(IStorage first) => Task.FromResult(first);
}

public sealed class SqliteStorageContractTests : StorageProviderContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-sqlite-").FullName;

    private string DatabasePath => Path.Combine(_folder, "state.db");

    protected override Task<IStorage> CreateAsync() => Task.FromResult<IStorage>(new SqliteStorage(DatabasePath));

    protected override Task<IStorage> CreateNeighbourAsync(IStorage first) => Task.FromResult<IStorage>(new SqliteStorage(DatabasePath));

    [Fact]
    public async Task Items_survive_a_new_storage_instance_on_the_same_file()
    {
        await new SqliteStorage(DatabasePath).WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "persisted" } });

        var read = await new SqliteStorage(DatabasePath).ReadAsync(["k"]);
        Assert.Contains("persisted", read["k"].ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStorageContractTests(PostgreSqlServer server) : StorageProviderContract
{
    private readonly string _table = "state_" + Guid.NewGuid().ToString("N")[..10];

    protected override Task<IStorage> CreateAsync() =>
        Task.FromResult<IStorage>(new PostgreSqlStorage(NpgsqlDataSource.Create(server.ConnectionString), _table));

    protected override Task<IStorage> CreateNeighbourAsync(IStorage first) =>
        Task.FromResult<IStorage>(new PostgreSqlStorage(NpgsqlDataSource.Create(server.ConnectionString), _table));

    [Fact]
    public async Task A_store_that_cannot_be_reached_says_unavailable_rather_than_conflict_or_crash()
    {
        var nowhere = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Port = LoopbackPorts.Free(), Timeout = 2 }.ConnectionString;
        var storage = new PostgreSqlStorage(NpgsqlDataSource.Create(nowhere), _table);

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync(["k"]));
        Assert.Equal("PostgreSQL", error.Provider);
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStorageContractTests(AzuriteServer server) : StorageProviderContract
{
    private readonly string _container = "state-" + Guid.NewGuid().ToString("N")[..12];

    protected override Task<IStorage> CreateAsync() =>
        Task.FromResult<IStorage>(new AzureBlobStorage(AzureBlobBotStateBuilderExtensions.CreateContainerClient(server.ConnectionString, _container)));

    protected override Task<IStorage> CreateNeighbourAsync(IStorage first) => CreateAsync();

    [Fact]
    public void Blob_names_are_safe_and_distinct_for_awkward_keys()
    {
        var names = OddKeyList.Select(BlobKeyEncoder.ToBlobName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.True(n.Length <= 1024 && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'), n));
    }
}

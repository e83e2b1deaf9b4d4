using System.Text.Json;
using BotRuntime.Storage;

namespace BotRuntime.Tests.Storage;

/// <summary>The same contract for every storage: round-trips, eTag optimistic concurrency, deletes.</summary>
public sealed class StorageContractTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-storage-").FullName;

    public static TheoryData<string> Stores => ["memory", "sqlite"];

    private IStorage Create(string kind) => kind == "memory" ? new MemoryStorage() : new SqliteStorage(Path.Combine(_folder, "state.db"));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Missing_keys_are_absent_and_written_items_read_back(string kind)
    {
        var storage = Create(kind);
        Assert.Empty(await storage.ReadAsync(["nothing/here"]));

        await storage.WriteAsync(new Dictionary<string, object> { ["a/1"] = new Note { Text = "héllo ✓ 💉", Count = 3 } });
        var read = await storage.ReadAsync(["a/1", "a/2"]);

        var note = Assert.IsType<JsonElement>(Assert.Single(read).Value).Deserialize<Note>(StateJson.Options)!;
        Assert.Equal("héllo ✓ 💉", note.Text);
        Assert.Equal(3, note.Count);
        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_write_with_a_stale_etag_is_refused_with_a_conflict(string kind)
    {
        var storage = Create(kind);
        var first = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var staleETag = first.ETag;

        var second = new Note { Text = "v2", ETag = staleETag };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = second });
        Assert.NotEqual(staleETag, second.ETag);

        var third = new Note { Text = "v3", ETag = staleETag };
        var conflict = await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = third }));
        Assert.Equal("k", conflict.Key);

        var stored = ((JsonElement)(await storage.ReadAsync(["k"]))["k"]).Deserialize<Note>(StateJson.Options)!;
        Assert.Equal("v2", stored.Text);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Star_or_no_etag_writes_unconditionally(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v3", ETag = null } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object?> { ["text"] = "v4" } });

        var stored = ((JsonElement)(await storage.ReadAsync(["k"]))["k"]).Deserialize<Note>(StateJson.Options)!;
        Assert.Equal("v4", stored.Text);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Deleted_items_are_gone_and_deleting_twice_is_fine(string kind)
    {
        var storage = Create(kind);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" }, ["other"] = new Note { Text = "keep" } });
        await storage.DeleteAsync(["k"]);
        await storage.DeleteAsync(["k", "never-there"]);

        var read = await storage.ReadAsync(["k", "other"]);
        Assert.Equal(["other"], read.Keys);
    }

    [Fact]
    public async Task Sqlite_items_survive_a_new_storage_instance_on_the_same_file()
    {
        var path = Path.Combine(_folder, "restart.db");
        await new SqliteStorage(path).WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "persisted" } });

        var reopened = new SqliteStorage(path);
        var stored = ((JsonElement)(await reopened.ReadAsync(["k"]))["k"]).Deserialize<Note>(StateJson.Options)!;
        Assert.Equal("persisted", stored.Text);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Concurrent_turns_all_land_and_a_refused_write_does_not_hold_up_the_next(string kind)
    {
        var storage = Create(kind);
        // A second store on the same file stands for a second host process writing beside this one.
        var neighbour = kind == "sqlite" ? new SqliteStorage(Path.Combine(_folder, "state.db")) : storage;
        var stale = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["contested"] = stale });
        await storage.WriteAsync(new Dictionary<string, object> { ["contested"] = new Note { Text = "v2", ETag = stale.ETag } });

        var writes = Enumerable.Range(0, 32).Select(i => Task.Run(() => (i % 2 == 0 ? storage : neighbour)
            .WriteAsync(new Dictionary<string, object> { [$"visitor/{i}"] = new Note { Text = $"turn of {i}", Count = i } })));
        var refused = Task.Run(() => storage.WriteAsync(new Dictionary<string, object> { ["contested"] = new Note { Text = "late", ETag = stale.ETag } }));
        await Task.WhenAll(writes);
        await Assert.ThrowsAsync<EtagConflictException>(() => refused);
        await storage.WriteAsync(new Dictionary<string, object> { ["after"] = new Note { Text = "still writing" } });

        var read = await storage.ReadAsync([.. Enumerable.Range(0, 32).Select(i => $"visitor/{i}"), "after"]);
        Assert.Equal(33, read.Count);
        Assert.Equal("turn of 7", ((JsonElement)read["visitor/7"]).Deserialize<Note>(StateJson.Options)!.Text);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}

using System.Text.Json;

namespace BotRuntime.Storage.Tests;

/// <summary>
/// What every state provider must do, run against each of them (memory, SQLite, PostgreSQL, Azure Blobs): round trips,
/// optimistic concurrency between two instances of the provider on one store, deletes, awkward keys, the idle sweep.
/// </summary>
public abstract class StorageProviderContract
{
    /// <summary>A provider over a store no other test uses.</summary>
    protected abstract Task<IStorage> CreateAsync();

    /// <summary>A second provider instance on the same store, standing for another host process.</summary>
    protected abstract Task<IStorage> CreateNeighbourAsync(IStorage first);

    private static Note Read(IDictionary<string, object> items, string key) =>
        ((JsonElement)items[key]).Deserialize<Note>(StateJson.Default.Options)!;

    [Fact]
    public async Task Missing_keys_are_absent_and_written_items_read_back_with_an_etag()
    {
        var storage = await CreateAsync();
        Assert.Empty(await storage.ReadAsync(["nothing/here"]));

        await storage.WriteAsync(new Dictionary<string, object> { ["a/1"] = new Note { Text = "héllo ✓ 💉", Count = 3 } });
        var read = await storage.ReadAsync(["a/1", "a/2"]);

        var note = Read(read, "a/1");
        Assert.Single(read);
        Assert.Equal("héllo ✓ 💉", note.Text);
        Assert.Equal(3, note.Count);
        Assert.False(string.IsNullOrEmpty(note.ETag));
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_newer_value_stays()
    {
        var storage = await CreateAsync();
        var first = new Note { Text = "v1" };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var staleETag = first.ETag;

        var second = new Note { Text = "v2", ETag = staleETag };
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = second });
        Assert.NotEqual(staleETag, second.ETag);

        var third = new Note { Text = "v3", ETag = staleETag };
        var conflict = await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = third }));
        Assert.Equal("k", conflict.Key);
        Assert.Equal("v2", Read(await storage.ReadAsync(["k"]), "k").Text);

        // The eTag that came back from a read is the one that wins the next write.
        var fresh = Read(await storage.ReadAsync(["k"]), "k");
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v4", ETag = fresh.ETag } });
        Assert.Equal("v4", Read(await storage.ReadAsync(["k"]), "k").Text);
    }

    [Fact]
    public async Task Star_or_no_etag_writes_unconditionally()
    {
        var storage = await CreateAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v2", ETag = "*" } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v3", ETag = null } });
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Dictionary<string, object?> { ["text"] = "v4" } });

        Assert.Equal("v4", Read(await storage.ReadAsync(["k"]), "k").Text);
    }

    [Fact]
    public async Task Of_two_instances_creating_one_new_item_only_the_first_wins()
    {
        var storage = await CreateAsync();
        var neighbour = await CreateNeighbourAsync(storage);

        await storage.WriteAsync(new Dictionary<string, object> { ["new"] = new Note { Text = "first", ETag = StorageDocument.AbsentETag } });
        await Assert.ThrowsAsync<EtagConflictException>(() =>
            neighbour.WriteAsync(new Dictionary<string, object> { ["new"] = new Note { Text = "second", ETag = StorageDocument.AbsentETag } }));

        Assert.Equal("first", Read(await neighbour.ReadAsync(["new"]), "new").Text);
    }

    [Fact]
    public async Task Of_two_instances_writing_against_the_same_etag_exactly_one_wins_each_round()
    {
        var storage = await CreateAsync();
        var neighbour = await CreateNeighbourAsync(storage);
        await storage.WriteAsync(new Dictionary<string, object> { ["contested"] = new Note { Text = "start" } });

        for (var round = 0; round < 10; round++)
        {
            var eTag = Read(await storage.ReadAsync(["contested"]), "contested").ETag;
            var outcomes = await Task.WhenAll(
                TryWriteAsync(storage, new Note { Text = $"a{round}", ETag = eTag }),
                TryWriteAsync(neighbour, new Note { Text = $"b{round}", ETag = eTag }));

            Assert.Equal(1, outcomes.Count(won => won));
            var winner = outcomes[0] ? $"a{round}" : $"b{round}";
            Assert.Equal(winner, Read(await neighbour.ReadAsync(["contested"]), "contested").Text);
        }

        static async Task<bool> TryWriteAsync(IStorage store, Note note)
        {
            try
            {
                await store.WriteAsync(new Dictionary<string, object> { ["contested"] = note });
                return true;
            }
            catch (EtagConflictException)
            {
                return false;
            }
        }
    }

    [Fact]
    public async Task Increments_from_two_instances_that_retry_on_conflict_all_count()
    {
        var storage = await CreateAsync();
        var neighbour = await CreateNeighbourAsync(storage);
        const int perInstance = 15;

        await Task.WhenAll(
            Task.Run(() => IncrementAsync(storage, perInstance)),
            Task.Run(() => IncrementAsync(neighbour, perInstance)));

        Assert.Equal(2 * perInstance, Read(await storage.ReadAsync(["counter"]), "counter").Count);

        static async Task IncrementAsync(IStorage store, int times)
        {
            for (var done = 0; done < times;)
            {
                var items = await store.ReadAsync(["counter"]);
                var note = items.ContainsKey("counter") ? Read(items, "counter") : new Note { ETag = StorageDocument.AbsentETag };
                note.Count++;
                try
                {
                    await store.WriteAsync(new Dictionary<string, object> { ["counter"] = note });
                    done++;
                }
                catch (EtagConflictException)
                {
                    // Someone else's increment landed first: read it and try again.
                }
            }
        }
    }

    [Fact]
    public async Task Deleted_items_are_gone_and_deleting_twice_or_a_missing_key_is_fine()
    {
        var storage = await CreateAsync();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" }, ["other"] = new Note { Text = "keep" } });
        await storage.DeleteAsync(["k"]);
        await storage.DeleteAsync(["k", "never-there"]);

        var read = await storage.ReadAsync(["k", "other"]);
        Assert.Equal(["other"], read.Keys);

        // A new item under a deleted key starts afresh, and an eTag from before the delete does not match it.
        var before = new Note { Text = "old" };
        await storage.WriteAsync(new Dictionary<string, object> { ["again"] = before });
        await storage.DeleteAsync(["again"]);
        await storage.WriteAsync(new Dictionary<string, object> { ["again"] = new Note { Text = "new", ETag = StorageDocument.AbsentETag } });
        await Assert.ThrowsAsync<EtagConflictException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["again"] = new Note { Text = "stale", ETag = before.ETag } }));
    }

    public static TheoryData<string> OddKeys => new(OddKeyList);

    public static readonly string[] OddKeyList =
    [
        "webchat/conv:1;part#2?x=%41%",
        "msteams/a:1HkVbXZ/conversations/19:abc@thread.tacv2;messageid=1234",
        "emulator/Ünïcödé 会话 🩺 حوار",
        "directline/" + new string('x', 320) + "/end",
        "directline/" + string.Concat(Enumerable.Repeat("ü/%:", 120)),
        "trailing.dot.",
        "/leading/slash/",
        "..",
    ];

    [Theory]
    [MemberData(nameof(OddKeys))]
    public async Task Keys_with_separators_unicode_and_great_length_round_trip_and_stay_distinct(string key)
    {
        var storage = await CreateAsync();
        var lookalike = key + "_";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = "mine" }, [lookalike] = new Note { Text = "other" } });

        var read = await storage.ReadAsync([key, lookalike]);
        Assert.Equal("mine", Read(read, key).Text);
        Assert.Equal("other", Read(read, lookalike).Text);

        var stale = Read(read, key).ETag;
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = "mine 2", ETag = stale } });
        await Assert.ThrowsAsync<EtagConflictException>(() => storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = "late", ETag = stale } }));

        await storage.DeleteAsync([key]);
        Assert.Equal([lookalike], (await storage.ReadAsync([key, lookalike])).Keys);
    }

    [Fact]
    public async Task The_idle_sweep_removes_only_items_not_written_since_the_cutoff()
    {
        var storage = await CreateAsync();
        var expiring = Assert.IsAssignableFrom<IExpiringStore>(storage);
        await storage.WriteAsync(new Dictionary<string, object> { ["idle/1"] = new Note { Text = "old" }, ["idle/2"] = new Note { Text = "old" } });
        // Blob Storage stamps whole seconds: keep the cutoff clear of both writes.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var cutoff = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await storage.WriteAsync(new Dictionary<string, object> { ["busy"] = new Note { Text = "recent" } });

        Assert.Equal(0, await expiring.RemoveIdleAsync(cutoff - TimeSpan.FromHours(1)));
        Assert.Equal(2, await expiring.RemoveIdleAsync(cutoff));

        Assert.Equal(["busy"], (await storage.ReadAsync(["idle/1", "idle/2", "busy"])).Keys);
        Assert.Equal(0, await expiring.RemoveIdleAsync(cutoff));
    }

    /// <summary>"delete my data" works through IStorage alone, so it holds on every provider.</summary>
    [Fact]
    public async Task Delete_my_data_erases_that_users_and_conversations_state_and_keeps_everyone_elses()
    {
        var storage = await CreateAsync();
        var conversation = new BotRuntime.State.ConversationState(storage);
        var user = new BotRuntime.State.UserState(storage);
        var adapter = new BotRuntime.Testing.TestAdapter();
        BotRuntime.Builder.TurnContext Turn(string conversationId, string userId)
        {
            var activity = adapter.MakeActivity("delete my data");
            activity.Conversation = new BotRuntime.Schema.ConversationAccount(conversationId);
            activity.From = new BotRuntime.Schema.ChannelAccount(userId);
            return new BotRuntime.Builder.TurnContext(adapter, activity);
        }

        foreach (var (conversationId, userId) in new[] { ("c1", "u1"), ("c2", "u2") })
        {
            var turn = Turn(conversationId, userId);
            await conversation.CreateProperty<string>("answers").SetAsync(turn, "pregnant: yes");
            await user.CreateProperty<string>("name").SetAsync(turn, "Jane");
            await conversation.SaveChangesAsync(turn);
            await user.SaveChangesAsync(turn);
        }

        await storage.WriteAsync(new Dictionary<string, object> { ["test/conversations/c1/users/u1"] = new Note { Text = "private" } });

        var erasing = Turn("c1", "u1");
        await conversation.LoadAsync(erasing);
        await new BotRuntime.State.UserDataEraser(conversation, user, []).EraseAsync(erasing);
        await conversation.SaveChangesAsync(erasing);
        await user.SaveChangesAsync(erasing);

        var left = await storage.ReadAsync(["test/conversations/c1", "test/users/u1", "test/conversations/c1/users/u1", "test/conversations/c2", "test/users/u2"]);
        Assert.Equal(["test/conversations/c2", "test/users/u2"], left.Keys.Order());
        Assert.Null(await conversation.CreateProperty<string>("answers").GetAsync(Turn("c1", "u1")));
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }

        public int Count { get; set; }

        public string? ETag { get; set; }
    }
}

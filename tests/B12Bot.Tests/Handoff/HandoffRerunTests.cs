using BotRuntime.Storage;

namespace B12Bot.Tests.Handoff;

/// <summary>
/// A visitor's turn whose state save loses to another instance is run again on fresh state (AutoSaveStateMiddleware).
/// What it posted to the clinic channel in its first run must not be posted again: one thread per request. The conflict
/// is forced by a store that fails the next save of the visitor's conversation state.
/// </summary>
public sealed class HandoffRerunTests : IAsyncLifetime
{
    private readonly ConflictOnceStorage.Switch _conflict = new();
    private HandoffClinic _clinic = null!;

    public async Task InitializeAsync() => _clinic = await HandoffClinic.StartAsync(services => ConflictOnceStorage.Decorate(services, _conflict));

    public async Task DisposeAsync() => await _clinic.DisposeAsync();

    [Fact]
    public async Task A_handoff_request_whose_turn_is_rerun_after_a_conflict_starts_one_thread_in_the_clinic_channel()
    {
        await _clinic.InstallAsync();
        var visitor = await _clinic.VisitorAsync();
        await visitor.SayAsync("I'd like to talk to a nurse");

        _conflict.Arm();
        var requested = DirectLineVisitor.Text(await visitor.SayAsync("yes"));
        // Anything posted twice would have arrived by now: the turn's posts finish before its reply does.
        await Task.Delay(500);

        Assert.Equal(1, _conflict.Fired);
        Assert.Contains("Someone should be with you within about 5 minutes", requested);
        Assert.Single(_clinic.Teams.Calls, c => c.Method == "POST" && c.Path == "/v3/conversations");

        // The rerun kept the first run's session: the visitor's next message reaches that same thread.
        await visitor.SayAsync("Is it normal to feel tired after the injection?");
        var relayed = await _clinic.Teams.WaitForAsync(c => c.Method == "POST" && c.TextRuns.Contains("Is it normal to feel tired after the injection?"), "the visitor's message");
        Assert.StartsWith($"/v3/conversations/{Uri.EscapeDataString(TeamsActivities.ClinicChannelId + ";messageid=" + FakeTeamsConnector.ThreadRootId)}/activities", relayed.Path);
    }
}

/// <summary>
/// The host's state store, except that once armed the next save of a web chat conversation's state fails with
/// <see cref="EtagConflictException"/>, as when another instance saved that conversation first.
/// </summary>
public sealed class ConflictOnceStorage(IStorage inner, ConflictOnceStorage.Switch conflict) : IStorage
{
    public static void Decorate(IServiceCollection services, Switch conflict)
    {
        var original = services.Last(d => d.ServiceType == typeof(IStorage));
        services.Remove(original);
        services.AddSingleton<IStorage>(sp => new ConflictOnceStorage(
            original.ImplementationFactory is { } factory ? (IStorage)factory(sp) : (IStorage)(original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
            conflict));
    }

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default) => inner.ReadAsync(keys, cancellationToken);

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        var key = changes.Keys.FirstOrDefault(k => k.StartsWith("webchat/conversations/", StringComparison.Ordinal));
        return key is not null && conflict.TryFire() ? Task.FromException(new EtagConflictException(key)) : inner.WriteAsync(changes, cancellationToken);
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public sealed class Switch
    {
        private int _armed;
        private int _fired;

        public int Fired => Volatile.Read(ref _fired);

        public void Arm() => Volatile.Write(ref _armed, 1);

        public bool TryFire()
        {
            if (Interlocked.Exchange(ref _armed, 0) != 1)
            {
                return false;
            }

            Interlocked.Increment(ref _fired);
            return true;
        }
    }
}

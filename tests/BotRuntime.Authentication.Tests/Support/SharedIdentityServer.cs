namespace BotRuntime.Authentication.Tests.Support;

/// <summary>
/// One local issuer and a set of keys for a whole test class (RSA key generation and Kestrel start-up are the slow
/// parts). Tests that rotate keys start their own server instead.
/// </summary>
public sealed class SharedIdentityServer : IAsyncLifetime
{
    public LocalIdentityServer Server { get; private set; } = null!;

    /// <summary>Published; endorsed for msteams, webchat and directline.</summary>
    public TestSigningKey TeamsKey { get; } = new("teams-key-1", "msteams", "webchat", "directline");

    /// <summary>Published; endorsed for webchat only.</summary>
    public TestSigningKey WebChatOnlyKey { get; } = new("webchat-key-1", "webchat");

    /// <summary>Not published, but uses the Teams key's kid: its signatures must not verify.</summary>
    public TestSigningKey ImpostorKey { get; } = new("teams-key-1", "msteams");

    /// <summary>Never published anywhere.</summary>
    public TestSigningKey UnpublishedKey { get; } = new("never-published", "msteams");

    /// <summary>Published in the Emulator (login.microsoftonline.com) key set, without endorsements, as Entra does.</summary>
    public TestSigningKey EmulatorKey { get; } = new("entra-key-1");

    public async Task InitializeAsync()
    {
        Server = await LocalIdentityServer.StartAsync();
        Server.PublishChannelKeys(TeamsKey, WebChatOnlyKey);
        Server.PublishEmulatorKeys(EmulatorKey);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        foreach (var key in new[] { TeamsKey, WebChatOnlyKey, ImpostorKey, UnpublishedKey, EmulatorKey })
        {
            key.Dispose();
        }
    }
}

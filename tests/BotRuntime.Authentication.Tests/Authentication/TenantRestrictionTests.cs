using System.Security.Claims;
using System.Text.Json;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Authentication.Tests.Support;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging.Testing;

namespace BotRuntime.Authentication.Tests.Authentication;

/// <summary>
/// The bot serves one clinic: a Teams activity from another Microsoft 365 tenant is refused with 403 (nothing of the
/// turn runs) and logged without its text. The tenant is read only after the token was accepted.
/// </summary>
public sealed class TenantRestrictionTests
{
    private readonly FakeLogCollector _logs = new();

    [Theory]
    [InlineData("teams-personal-message")]
    [InlineData("teams-groupchat-mention")]
    [InlineData("teams-channel-thread-mention")]
    [InlineData("teams-install-conversationupdate")]
    [InlineData("teams-card-submit")]
    public async Task Activities_from_the_clinic_tenant_pass(string fixture)
    {
        var outcome = await Restricted(AcceptAll.Instance).AuthenticateAsync(TeamsFixtures.Load(fixture), "Bearer x", CancellationToken.None);

        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public async Task A_message_from_another_tenant_is_refused_and_logged_without_its_text()
    {
        var foreign = TeamsFixtures.Load("teams-foreign-tenant");

        var outcome = await Restricted(AcceptAll.Instance).AuthenticateAsync(foreign, "Bearer x", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(403, outcome.StatusCode);
        Assert.Contains(TeamsFixtures.ForeignTenant, _logs.All);
        Assert.DoesNotContain("throat", _logs.All);
        Assert.DoesNotContain(foreign.Text!, _logs.All);
    }

    [Fact]
    public async Task A_Teams_activity_without_any_tenant_is_refused()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        message.ChannelData = null;
        message.Conversation!.TenantId = null;

        var outcome = await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None);

        Assert.Equal(403, outcome.StatusCode);
    }

    [Fact]
    public async Task The_conversation_tenant_is_used_when_channelData_has_none()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        message.ChannelData = null;

        Assert.True((await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None)).Succeeded);

        message.Conversation!.TenantId = TeamsFixtures.ForeignTenant;
        Assert.Equal(403, (await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None)).StatusCode);
    }

    [Fact]
    public async Task Both_tenant_fields_must_name_an_allowed_tenant()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        message.Conversation!.TenantId = TeamsFixtures.ForeignTenant;

        var outcome = await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None);

        Assert.Equal(403, outcome.StatusCode);
    }

    [Fact]
    public async Task Tenant_ids_compare_without_regard_to_letter_case()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        message.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement>
        {
            ["tenant"] = JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { ["id"] = JsonSerializer.SerializeToElement(TeamsFixtures.ClinicTenant.ToUpperInvariant(), BotJsonContext.Default.String) }, BotJsonContext.Default.DictionaryStringJsonElement),
        }, BotJsonContext.Default.DictionaryStringJsonElement);

        Assert.True((await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task The_tenant_is_not_looked_at_when_the_token_was_refused()
    {
        var outcome = await Restricted(RefuseAll.Instance).AuthenticateAsync(TeamsFixtures.Load("teams-foreign-tenant"), null, CancellationToken.None);

        Assert.Equal(401, outcome.StatusCode);
        Assert.Empty(_logs.Entries);
    }

    [Fact]
    public async Task Web_Chat_activities_carry_no_tenant_and_are_not_affected()
    {
        var webChat = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Channels.Webchat,
            Conversation = new ConversationAccount("dl-conversation"),
            ServiceUrl = "https://webchat.botframework.com/",
            Text = "What is B12 for?",
        };

        Assert.True((await Restricted(AcceptAll.Instance).AuthenticateAsync(webChat, "Bearer x", CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task Without_allowed_tenants_every_tenant_passes()
    {
        var open = new TenantRestrictionAuthenticator(AcceptAll.Instance, [], new FakeLogger<TenantRestrictionAuthenticator>(_logs));

        Assert.True((await open.AuthenticateAsync(TeamsFixtures.Load("teams-foreign-tenant"), "Bearer x", CancellationToken.None)).Succeeded);
    }

    [Fact]
    public async Task A_forged_tenant_value_cannot_write_into_the_log()
    {
        var message = TeamsFixtures.Load("teams-personal-message");
        message.ChannelData = null;
        message.Conversation!.TenantId = "evil\nERROR: fake log line";

        await Restricted(AcceptAll.Instance).AuthenticateAsync(message, "Bearer x", CancellationToken.None);

        Assert.DoesNotContain("fake log line", _logs.All);
    }

    [Fact]
    public async Task With_real_tokens_a_foreign_tenant_is_refused_after_the_token_check()
    {
        using var key = new TestSigningKey("k1", "msteams");
        await using var harness = await AuthenticatorHarness.StartAsync();
        harness.Server.PublishChannelKeys(key);
        var restricted = new TenantRestrictionAuthenticator(harness.Authenticator, [TeamsFixtures.ClinicTenant], new FakeLogger<TenantRestrictionAuthenticator>(_logs));
        var token = "Bearer " + harness.ChannelToken(key);

        Assert.True((await restricted.AuthenticateAsync(TeamsFixtures.Load("teams-personal-message"), token, CancellationToken.None)).Succeeded);
        Assert.Equal(403, (await restricted.AuthenticateAsync(TeamsFixtures.Load("teams-foreign-tenant"), token, CancellationToken.None)).StatusCode);
    }

    private TenantRestrictionAuthenticator Restricted(IBotAuthenticator inner) =>
        new(inner, [TeamsFixtures.ClinicTenant, "11111111-2222-4333-8444-555555555555"], new FakeLogger<TenantRestrictionAuthenticator>(_logs));

    private sealed class AcceptAll : IBotAuthenticator
    {
        public static readonly AcceptAll Instance = new();

        public Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
            Task.FromResult(AuthenticationOutcome.Success(new ClaimsIdentity("test"), CallerIdConstants.PublicAzureChannel));
    }

    private sealed class RefuseAll : IBotAuthenticator
    {
        public static readonly RefuseAll Instance = new();

        public Task<AuthenticationOutcome> AuthenticateAsync(Activity activity, string? authorizationHeader, CancellationToken cancellationToken) =>
            Task.FromResult(AuthenticationOutcome.Unauthorized("No Authorization header."));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using B12Bot.Admin;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>
/// Microsoft Entra ID sign-in to /admin end to end, against a local OpenID Connect issuer on loopback
/// (<see cref="LoopbackOpenIdIssuer"/>: its own key, discovery document and JWKS): the bot fetches the issuer's metadata
/// and keys itself and checks every token as it would check Entra's. A token of the clinic's tenant with the dashboard
/// role opens it; another tenant or a missing role is told no (403); a token for another app, from another issuer,
/// expired, unsigned or signed with another key is not a sign-in at all (401).
/// </summary>
public sealed class DashboardEntraSignInTests : IAsyncLifetime
{
    private const string TenantId = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "66666666-7777-8888-9999-000000000000";
    private const string Role = "Dashboard.Read";

    private LoopbackOpenIdIssuer _issuer = null!;
    private DashboardHost _host = null!;

    public async Task InitializeAsync()
    {
        _issuer = await LoopbackOpenIdIssuer.StartAsync(TenantId);
        _host = await DashboardHost.StartAsync(
            new()
            {
                ["B12Bot:Admin:OperatorKey"] = "",
                ["B12Bot:Admin:TenantId"] = TenantId,
                ["B12Bot:Admin:ClientId"] = ClientId,
                ["B12Bot:Admin:Instance"] = _issuer.Instance.AbsoluteUri,
                ["B12Bot:Admin:RequiredRole"] = Role,
            },
            builder =>
            {
                // The test issuer's self-signed certificate is trusted by the sign-in back channels only.
                builder.Services.Configure<JwtBearerOptions>(AdminAccess.EntraBearerScheme, o => o.BackchannelHttpHandler = _issuer.TrustingHandler());
                builder.Services.Configure<OpenIdConnectOptions>(AdminAccess.EntraOpenIdScheme, o => o.BackchannelHttpHandler = _issuer.TrustingHandler());
            });
    }

    [Fact]
    public async Task A_bearer_token_of_the_clinic_tenant_with_the_dashboard_role_opens_page_and_figures()
    {
        var token = _issuer.Token(ClientId, roles: [Role]);

        Assert.Equal(HttpStatusCode.OK, await StatusWithBearerAsync("/admin", token));
        using var request = WithBearer("/admin/api/summary?days=7", token);
        using var response = await _host.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"days\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The app id URI is the same app: Entra issues it as the audience of API tokens.
        Assert.Equal(HttpStatusCode.OK, await StatusWithBearerAsync("/admin/api/summary", _issuer.Token("api://" + ClientId, roles: [Role])));
    }

    [Fact]
    public async Task A_signed_in_person_of_another_tenant_or_without_the_role_is_told_no()
    {
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithBearerAsync("/admin/api/summary", _issuer.Token(ClientId, roles: ["Something.Else"])));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithBearerAsync("/admin/api/summary", _issuer.Token(ClientId)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithBearerAsync("/admin/api/summary", _issuer.Token(ClientId, tenantId: "99999999-8888-7777-6666-555555555555", roles: [Role])));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusWithBearerAsync("/admin", _issuer.Token(ClientId, roles: ["Something.Else"])));
    }

    [Fact]
    public async Task A_token_for_another_app_from_another_issuer_expired_unsigned_or_signed_with_another_key_is_refused()
    {
        using var otherKey = RSA.Create(2048);
        var refused = new Dictionary<string, string>
        {
            ["another app"] = _issuer.Token("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", roles: [Role]),
            ["another issuer"] = _issuer.Token(ClientId, roles: [Role], issuer: $"https://login.microsoftonline.com/{TenantId}/v2.0"),
            ["expired"] = _issuer.Token(ClientId, roles: [Role], expiresIn: TimeSpan.FromMinutes(-30)),
            ["unsigned"] = _issuer.UnsignedToken(ClientId, [Role]),
            ["signed with another key"] = _issuer.Token(ClientId, roles: [Role], signingKey: new RsaSecurityKey(otherKey) { KeyId = "loopback-key-1" }),
            ["not a token"] = "not-a-token",
        };

        foreach (var (what, token) in refused)
        {
            foreach (var path in new[] { "/admin", "/admin/api/summary" })
            {
                Assert.True(await StatusWithBearerAsync(path, token) == HttpStatusCode.Unauthorized, $"{what} at {path}");
            }
        }
    }

    [Fact]
    public async Task The_Microsoft_sign_in_round_trip_sets_a_session_cookie_that_opens_the_dashboard()
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _host.Host.BaseAddress };

        using var response = await SignInAsync(browser, (nonce) => _issuer.Token(ClientId, roles: [Role], nonce: nonce));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        var session = SetCookies(response).Where(c => c.StartsWith("__Host-B12Bot-Admin-Entra", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(session);
        Assert.All(session, c => Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(session, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        var cookieHeader = string.Join("; ", session.Select(c => c.Split(';')[0]));

        foreach (var path in new[] { "/admin", "/admin/api/summary?days=7" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", cookieHeader);
            using var page = await browser.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        // Without the cookie the same browser is asked to sign in.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_the_role_gets_the_refusal_page_and_a_forged_answer_to_the_sign_in_sets_no_cookie()
    {
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = _host.Host.BaseAddress };

        using var noRole = await SignInAsync(browser, nonce => _issuer.Token(ClientId, roles: ["Something.Else"], nonce: nonce));
        var cookieHeader = string.Join("; ", SetCookies(noRole).Where(c => c.StartsWith("__Host-B12Bot-Admin-Entra", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/admin");
        page.Headers.Add("Cookie", cookieHeader);
        using var refused = await browser.SendAsync(page);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not allowed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An ID token for another app, or one that does not carry the nonce of this sign-in: no session, and no 5xx.
        foreach (var forged in new Func<string, string>[]
        {
            nonce => _issuer.Token("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", roles: [Role], nonce: nonce),
            _ => _issuer.Token(ClientId, roles: [Role], nonce: "a-nonce-this-sign-in-never-sent"),
        })
        {
            using var response = await SignInAsync(browser, forged);
            Assert.True((int)response.StatusCode < 500, $"the sign-in callback answered {(int)response.StatusCode}");
            Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("__Host-B12Bot-Admin-Entra=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// What a browser and Entra do between "Sign in with Microsoft" and the dashboard: the bot redirects to the issuer's
    /// authorize endpoint (with its nonce and state, and correlation cookies); the issuer answers by form post to the
    /// bot's callback with an ID token for that nonce.
    /// </summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, Func<string, string> idTokenFor)
    {
        using var challenge = await browser.GetAsync("/admin/signin/entra");
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var authorize = challenge.Headers.Location!;
        Assert.Equal(_issuer.AuthorizeEndpoint.GetLeftPart(UriPartial.Path), authorize.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(authorize.Query);
        Assert.Equal(ClientId, query["client_id"].ToString());
        Assert.Equal("form_post", query["response_mode"].ToString());
        var callback = new Uri(query["redirect_uri"].ToString());
        Assert.Equal("/admin/signin-oidc", callback.AbsolutePath);

        var cookies = string.Join("; ", SetCookies(challenge).Select(c => c.Split(';')[0]));
        using var post = new HttpRequestMessage(HttpMethod.Post, callback.AbsolutePath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["id_token"] = idTokenFor(query["nonce"].ToString()),
                ["state"] = query["state"].ToString(),
            }),
        };
        post.Headers.Add("Cookie", cookies);
        return await browser.SendAsync(post);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private async Task<HttpStatusCode> StatusWithBearerAsync(string path, string token)
    {
        using var request = WithBearer(path, token);
        using var response = await _host.Client.SendAsync(request);
        return response.StatusCode;
    }

    private static HttpRequestMessage WithBearer(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _issuer.DisposeAsync();
    }
}

using System.Net;
using System.Net.Http.Json;

namespace B12Bot.WebChat.Tests.Dashboard;

/// <summary>Who gets the dashboard: only a request with the operator key (header or the sign-in form's cookie).</summary>
public sealed class DashboardAccessTests
{
    [Fact]
    public async Task An_unsigned_request_gets_the_sign_in_form_with_401_and_never_the_dashboard_or_its_figures()
    {
        await using var host = await DashboardHost.StartAsync();

        using var page = await host.Client.GetAsync("/admin");
        var body = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("Operator key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("c-conversations", body, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());

        using var api = await host.Client.GetAsync("/admin/api/summary?days=7");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.DoesNotContain("conversations", await api.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_key_or_a_forged_session_cookie_is_refused()
    {
        await using var host = await DashboardHost.StartAsync();

        foreach (var path in new[] { "/admin", "/admin/api/summary" })
        {
            using var wrongHeader = new HttpRequestMessage(HttpMethod.Get, path);
            wrongHeader.Headers.Add("X-Operator-Key", DashboardHost.OperatorKey[..^1] + "X");
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(wrongHeader)).StatusCode);

            // A made-up session cookie is not a session.
            using var forged = new HttpRequestMessage(HttpMethod.Get, path);
            forged.Headers.Add("Cookie", "__Host-B12Bot-Admin=99999999999.c2lnbmF0dXJl");
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(forged)).StatusCode);
        }

        using var signIn = await host.Client.PostAsJsonAsync("/admin/signin", new { key = "not-the-key" });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.False(signIn.Headers.Contains("Set-Cookie"));

        using var garbage = await host.Client.PostAsync("/admin/signin", new StringContent("{\"key\":", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);

        using var huge = await host.Client.PostAsync("/admin/signin", new StringContent("{\"key\":\"" + new string('a', 100_000) + "\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
    }

    [Fact]
    public async Task The_right_key_signs_in_once_with_a_secure_http_only_cookie_that_opens_page_and_figures()
    {
        await using var host = await DashboardHost.StartAsync();
        using var handler = new HttpClientHandler { UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = host.Host.BaseAddress };

        using var signIn = await client.PostAsJsonAsync("/admin/signin", new { key = DashboardHost.OperatorKey });
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("__Host-B12Bot-Admin=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DashboardHost.OperatorKey, cookie, StringComparison.Ordinal);

        var session = cookie.Split(';')[0];
        foreach (var path in new[] { "/admin", "/admin/api/summary?days=30" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", session);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var badDays = new HttpRequestMessage(HttpMethod.Get, "/admin/api/summary?days=100000");
        badDays.Headers.Add("Cookie", session);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(badDays)).StatusCode);
    }

    [Fact]
    public async Task Without_an_operator_key_or_Entra_settings_the_dashboard_is_off()
    {
        await using var host = await DashboardHost.StartAsync(new() { ["B12Bot:Admin:OperatorKey"] = "" });

        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client.GetAsync("/admin/api/summary")).StatusCode);
    }

    [Fact]
    public async Task A_short_operator_key_stops_the_start_with_a_clear_message()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => DashboardHost.StartAsync(new() { ["B12Bot:Admin:OperatorKey"] = "short" }));
        Assert.Contains("B12Bot:Admin:OperatorKey must be at least 32 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_Entra_settings_an_unsigned_or_unverifiable_request_is_refused_and_offered_the_Microsoft_sign_in()
    {
        // The sign-in authority is unreachable here (nothing listens on port 9): a token that cannot be checked is refused.
        await using var host = await DashboardHost.StartAsync(new()
        {
            ["B12Bot:Admin:OperatorKey"] = "",
            ["B12Bot:Admin:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["B12Bot:Admin:ClientId"] = "66666666-7777-8888-9999-000000000000",
            ["B12Bot:Admin:Instance"] = "https://127.0.0.1:9/",
        });

        using var page = await host.Client.GetAsync("/admin");
        var body = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Contains("<p ><a class=\"button\" href=\"/admin/signin/entra\">", body, StringComparison.Ordinal);
        Assert.Contains("<form id=\"key-form\" hidden>", body, StringComparison.Ordinal);

        using var bearer = new HttpRequestMessage(HttpMethod.Get, "/admin/api/summary");
        bearer.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "eyJhbGciOiJub25lIn0.eyJ0aWQiOiIxMTExMTExMS0yMjIyLTMzMzMtNDQ0NC01NTU1NTU1NTU1NTUifQ.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(bearer)).StatusCode);

        // No operator key is configured, so a key header opens nothing.
        using var key = new HttpRequestMessage(HttpMethod.Get, "/admin/api/summary");
        key.Headers.Add("X-Operator-Key", DashboardHost.OperatorKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(key)).StatusCode);
    }
}

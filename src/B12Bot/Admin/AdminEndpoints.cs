using System.Globalization;
using BotRuntime.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace B12Bot.Admin;

/// <summary>
/// /admin (the page), /admin/api/summary?days=N (its data), the operator-key sign-in and sign-out, and the Entra ID
/// sign-in. A request that is not signed in gets 401 with the sign-in choices (never the dashboard or its data); a
/// signed-in person without the required role or tenant gets 403. Nothing here is cached.
/// </summary>
internal static class AdminEndpoints
{
    private const int MaxSignInBytes = 4096;

    private static readonly Lazy<string> DashboardPage = new(() => AdminHostingExtensions.Page("dashboard.html"));
    private static readonly Lazy<string> SignInPage = new(() => AdminHostingExtensions.Page("signin.html"));

    public static void Map(WebApplication app, AdminOptions options)
    {
        // One route serves both /admin and /admin/.
        app.MapGet("/admin", PageAsync);
        app.MapGet("/admin/api/summary", SummaryAsync);
        if (options.OperatorKeyEnabled)
        {
            app.MapPost("/admin/signin", SignInAsync);
        }

        if (options.EntraEnabled)
        {
            app.MapGet("/admin/signin/entra", (HttpContext context) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = "/admin" }, [AdminAccess.EntraOpenIdScheme]));
        }

        app.MapPost("/admin/signout", SignOutAsync);
    }

    private static async Task<IResult> PageAsync(HttpContext context, AdminAccess access, AdminOptions options)
    {
        NoStore(context);
        return await access.CheckAsync(context) switch
        {
            AdminAccessResult.Allowed => Results.Content(DashboardPage.Value, "text/html; charset=utf-8"),
            AdminAccessResult.Forbidden => Results.Content(SignIn(options, "Your account is not allowed to see this dashboard."), "text/html; charset=utf-8", statusCode: StatusCodes.Status403Forbidden),
            _ => Results.Content(SignIn(options, null), "text/html; charset=utf-8", statusCode: StatusCodes.Status401Unauthorized),
        };
    }

    private static async Task<IResult> SummaryAsync(HttpContext context, AdminAccess access, DashboardSummaryService summaries, [FromQuery(Name = "days")] string? days)
    {
        NoStore(context);
        switch (await access.CheckAsync(context))
        {
            case AdminAccessResult.Forbidden:
                return Error(StatusCodes.Status403Forbidden, "forbidden", "This account is not allowed to see the dashboard.");
            case AdminAccessResult.SignInRequired:
                return Error(StatusCodes.Status401Unauthorized, "unauthorized", "Sign in at /admin or send the X-Operator-Key header.");
        }

        var count = 14;
        if (days is not null && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count < 1 || count > DashboardSummaryService.MaxDays))
        {
            return Error(StatusCodes.Status400BadRequest, "bad_days", $"days must be a whole number from 1 to {DashboardSummaryService.MaxDays}.");
        }

        DashboardSummary summary;
        try
        {
            summary = await summaries.BuildAsync(count, context.RequestAborted);
        }
        catch (StorageUnavailableException)
        {
            // The shared store is down or busy (the retries gave up): say so, as /readyz does, rather than fail.
            return Error(StatusCodes.Status503ServiceUnavailable, "store_unavailable", "The store that keeps the dashboard's figures is not answering; try again in a moment.");
        }

        return Results.Json(summary, AdminJsonContext.Default.DashboardSummary);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, AdminAccess access, AdminOptions options)
    {
        NoStore(context);
        SignInRequest? request = null;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            // A key is short: a chunked body without a length stops here too.
            limit.MaxRequestBodySize = MaxSignInBytes;
        }

        if (context.Request.HasJsonContentType() && context.Request.ContentLength is null or <= MaxSignInBytes)
        {
            try
            {
                request = await context.Request.ReadFromJsonAsync(AdminJsonContext.Default.SignInRequest, context.RequestAborted);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or BadHttpRequestException)
            {
                return Error(StatusCodes.Status400BadRequest, "bad_request", "Send {\"key\": \"...\"} as JSON.");
            }
        }

        if (request is null)
        {
            return Error(StatusCodes.Status400BadRequest, "bad_request", "Send {\"key\": \"...\"} as JSON (at most 4 KB).");
        }

        if (!access.KeyMatches(request.Key))
        {
            return Error(StatusCodes.Status401Unauthorized, "wrong_key", "That is not the operator key.");
        }

        var session = access.NewSession(out var expires);
        context.Response.Cookies.Append(AdminAccess.SessionCookie, session, new CookieOptions
        {
            Secure = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        });
        return Results.NoContent();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AdminOptions options)
    {
        NoStore(context);
        context.Response.Cookies.Delete(AdminAccess.SessionCookie, new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
        if (options.EntraEnabled)
        {
            await context.SignOutAsync(AdminAccess.EntraCookieScheme);
        }

        return Results.NoContent();
    }

    private static string SignIn(AdminOptions options, string? problem) => SignInPage.Value
        .Replace("{{problem}}", problem is null ? string.Empty : System.Net.WebUtility.HtmlEncode(problem), StringComparison.Ordinal)
        .Replace("{{entra-hidden}}", options.EntraEnabled ? string.Empty : "hidden", StringComparison.Ordinal)
        .Replace("{{key-hidden}}", options.OperatorKeyEnabled ? string.Empty : "hidden", StringComparison.Ordinal);

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new Dictionary<string, Dictionary<string, string>> { ["error"] = new() { ["code"] = code, ["message"] = message } }, AdminJsonContext.Default.DictionaryStringDictionaryStringString, statusCode: status);
}

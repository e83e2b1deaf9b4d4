using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace B12Bot.Admin;

/// <summary>What a request to /admin may do: it is signed in, it is signed in but not allowed, or it is not signed in.</summary>
public enum AdminAccessResult
{
    Allowed,
    Forbidden,
    SignInRequired,
}

/// <summary>
/// Decides who may see the dashboard: the operator key (the X-Operator-Key header, or the session cookie the sign-in
/// form set), or a Microsoft Entra ID sign-in of the configured tenant (bearer token or the OpenID Connect cookie),
/// holding <see cref="AdminOptions.RequiredRole"/> when one is set. Keys are compared in constant time, and the session
/// cookie carries no key: it is an expiry signed with the key, valid on every instance that shares the key and void
/// once the key changes.
/// </summary>
public sealed class AdminAccess(AdminOptions options, TimeProvider time)
{
    public const string KeyHeader = "X-Operator-Key";
    public const string SessionCookie = "__Host-B12Bot-Admin";
    public const string EntraCookieScheme = "B12Bot.Admin.Entra";
    public const string EntraOpenIdScheme = "B12Bot.Admin.OpenIdConnect";
    public const string EntraBearerScheme = "B12Bot.Admin.Bearer";

    private const string SessionPurpose = "b12bot-admin-session|";

    private readonly byte[] _keyHash = options.OperatorKeyEnabled ? SHA256.HashData(Encoding.UTF8.GetBytes(options.OperatorKey!)) : [];

    public async Task<AdminAccessResult> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (options.OperatorKeyEnabled)
        {
            if (context.Request.Headers.TryGetValue(KeyHeader, out var key))
            {
                // A key that was sent and is wrong is refused outright, whatever else the request carries.
                return KeyMatches(key.ToString()) ? AdminAccessResult.Allowed : AdminAccessResult.SignInRequired;
            }

            if (context.Request.Cookies.TryGetValue(SessionCookie, out var session) && SessionIsValid(session))
            {
                return AdminAccessResult.Allowed;
            }
        }

        if (options.EntraEnabled)
        {
            var bearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            var result = await context.AuthenticateAsync(bearer ? EntraBearerScheme : EntraCookieScheme).ConfigureAwait(false);
            if (result.Succeeded && result.Principal is { } principal)
            {
                return IsAllowed(principal) ? AdminAccessResult.Allowed : AdminAccessResult.Forbidden;
            }
        }

        return AdminAccessResult.SignInRequired;
    }

    /// <summary>Constant time whatever the candidate's length: both sides are hashed to the same size first.</summary>
    public bool KeyMatches(string? candidate) =>
        options.OperatorKeyEnabled && candidate is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(candidate)), _keyHash);

    /// <summary>The session cookie's value: its expiry and that expiry signed with the operator key.</summary>
    public string NewSession(out DateTimeOffset expires)
    {
        expires = time.GetUtcNow() + options.SessionLifetime;
        var stamp = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return stamp + "." + Sign(stamp);
    }

    public bool SessionIsValid(string? value)
    {
        if (!options.OperatorKeyEnabled || string.IsNullOrEmpty(value) || value.Length > 200)
        {
            return false;
        }

        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(value.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(value[..dot]));
        var given = Encoding.ASCII.GetBytes(value[(dot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            && seconds > time.GetUtcNow().ToUnixTimeSeconds()
            && seconds <= (time.GetUtcNow() + options.SessionLifetime).ToUnixTimeSeconds();
    }

    private string Sign(string stamp)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.OperatorKey!), Encoding.UTF8.GetBytes(SessionPurpose + stamp));
        return Base64UrlEncode(mac);
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private bool IsAllowed(ClaimsPrincipal principal)
    {
        var tenant = principal.FindFirst("tid")?.Value ?? principal.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value;
        if (!string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return string.IsNullOrWhiteSpace(options.RequiredRole)
            || principal.FindAll("roles").Concat(principal.FindAll(ClaimTypes.Role)).Any(c => string.Equals(c.Value, options.RequiredRole, StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Text.Json;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>Reads OAuth2 token responses (Entra client credentials, App Service and IMDS managed identity).</summary>
internal static class TokenResponseReader
{
    private const int MaxResponseBytes = 64 * 1024;

    /// <summary>
    /// The access token and its expiry: expires_in (seconds from now) when present, else expires_on (Unix seconds, or a
    /// date on old managed identity endpoints).
    /// </summary>
    public static async Task<ConnectorAccessToken> ReadAsync(HttpResponseMessage response, DateTimeOffset now, string endpointName, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorTokenException($"The {endpointName} refused the token request with {(int)response.StatusCode}{DescribeError(body)}.");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var token = root.TryGetProperty("access_token", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (string.IsNullOrEmpty(token))
            {
                throw new ConnectorTokenException($"The {endpointName} answered without an access_token.");
            }

            if (ReadSeconds(root, "expires_in") is { } expiresIn && expiresIn > 0)
            {
                return new ConnectorAccessToken(token, now.AddSeconds(expiresIn));
            }

            if (root.TryGetProperty("expires_on", out var expiresOn))
            {
                if (ReadSeconds(root, "expires_on") is { } unixSeconds)
                {
                    return new ConnectorAccessToken(token, DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
                }

                if (expiresOn.ValueKind == JsonValueKind.String
                    && DateTimeOffset.TryParse(expiresOn.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
                {
                    return new ConnectorAccessToken(token, date);
                }
            }

            throw new ConnectorTokenException($"The {endpointName} answered without a usable expiry.");
        }
        catch (JsonException ex)
        {
            throw new ConnectorTokenException($"The {endpointName} answered with something that is not JSON.", ex);
        }
    }

    private static long? ReadSeconds(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>": error (AADSTS code)" from an OAuth2 error body, which helps an operator and holds no secret.</summary>
    private static string DescribeError(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return string.Empty;
            }

            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
            var code = root.TryGetProperty("error_codes", out var codes) && codes.ValueKind == JsonValueKind.Array
                       && codes.GetArrayLength() > 0 && codes[0].TryGetInt64(out var first)
                ? $" AADSTS{first}"
                : null;
            return error is null && code is null ? string.Empty : $": {error}{code}";
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw new ConnectorTokenException("The token endpoint's answer is too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

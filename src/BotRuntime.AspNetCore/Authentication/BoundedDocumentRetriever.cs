using Microsoft.IdentityModel.Protocols;

namespace BotRuntime.AspNetCore.Authentication;

/// <summary>
/// Reads the OpenID metadata and JWKS documents for IdentityModel's retriever through the runtime's HttpClient (with its
/// resilience pipeline): http(s) addresses only, and no document larger than <c>maxBytes</c>, so a broken or hostile
/// issuer cannot make the bot read without end.
/// </summary>
internal sealed class BoundedDocumentRetriever(HttpClient client, int maxBytes) : IDocumentRetriever
{
    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("An OpenID document address is not an http(s) URL.");
        }

        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancel).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new InvalidOperationException("The OpenID document is too large.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancel).ConfigureAwait(false);
        using var limited = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            if (limited.Length + read > maxBytes)
            {
                throw new InvalidOperationException("The OpenID document is too large.");
            }

            limited.Write(buffer, 0, read);
        }

        return System.Text.Encoding.UTF8.GetString(limited.GetBuffer(), 0, (int)limited.Length);
    }
}

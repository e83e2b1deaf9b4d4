using System.Security.Cryptography;
using System.Text;
using BotRuntime.AspNetCore.DirectLine.Tokens;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Who is calling a Direct Line endpoint: the holder of the channel secret (any conversation) or of a token bound to
/// one conversation. The secret is compared in constant time.
/// </summary>
public sealed class DirectLineCallerAuthenticator(DirectLineTokenService tokens, IOptions<DirectLineOptions> options)
{
    private readonly byte[]? _secret = string.IsNullOrEmpty(options.Value.Secret) ? null : Encoding.UTF8.GetBytes(options.Value.Secret);

    public bool SecretConfigured => _secret is not null;

    public Task<DirectLineCaller> AuthenticateAsync(HttpRequest request) =>
        AuthenticateAsync(ReadBearer(request.Headers.Authorization.ToString()));

    public async Task<DirectLineCaller> AuthenticateAsync(string? credential)
    {
        if (string.IsNullOrEmpty(credential))
        {
            return DirectLineCaller.Missing;
        }

        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), _secret))
        {
            return DirectLineCaller.SecretHolder;
        }

        return ToCaller(await tokens.ValidateAsync(credential).ConfigureAwait(false));
    }

    /// <summary>The WebSocket's <c>?t=</c>: the secret (server-side clients) or a stream ticket, never a conversation token.</summary>
    public async Task<DirectLineCaller> AuthenticateStreamTicketAsync(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return DirectLineCaller.Missing;
        }

        if (_secret is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(ticket), _secret))
        {
            return DirectLineCaller.SecretHolder;
        }

        return ToCaller(await tokens.ValidateStreamTicketAsync(ticket).ConfigureAwait(false));
    }

    private static DirectLineCaller ToCaller(TokenCheck check) => check.Status switch
    {
        TokenStatus.Valid => new DirectLineCaller(CallerKind.Token, check.ConversationId, check.UserId, check.ConversationEndsAt),
        TokenStatus.Expired => new DirectLineCaller(CallerKind.ExpiredToken, check.ConversationId, check.UserId, check.ConversationEndsAt),
        _ => DirectLineCaller.Invalid,
    };

    private static string? ReadBearer(string header)
    {
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}

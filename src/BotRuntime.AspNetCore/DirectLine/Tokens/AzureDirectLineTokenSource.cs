using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotRuntime.AspNetCore.DirectLine.Wire;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine.Tokens;

/// <summary>
/// Tokens from Azure Direct Line: this host exchanges the channel secret (kept on the server) at
/// <c>{Domain}/tokens/generate</c> for a token bound to a new conversation and a "dl_" user.
/// Retries and timeouts come from the named HttpClient's resilience pipeline.
/// </summary>
public sealed partial class AzureDirectLineTokenSource(
    IHttpClientFactory httpClientFactory,
    IOptions<DirectLineOptions> options,
    ILogger<AzureDirectLineTokenSource> logger) : IWebChatTokenSource
{
    public const string HttpClientName = "AzureDirectLine";

    public async Task<WebChatToken?> CreateAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.WebChat;
        var userId = DirectLineIds.NewUserId();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Domain!.TrimEnd('/') + "/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AzureSecret);
        request.Content = JsonContent.Create(new ConversationParametersBody { User = new ChannelAccount(userId) }, DirectLineJsonContext.Default.ConversationParametersBody);

        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused((int)response.StatusCode);
                return null;
            }

            var info = await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.ConversationInfo, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(info?.Token))
            {
                LogRefused((int)response.StatusCode);
                return null;
            }

            return new WebChatToken { Token = info.Token, ConversationId = info.ConversationId, UserId = userId, ExpiresIn = info.ExpiresIn };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Network errors, timeouts from the resilience pipeline, or a body that is not a Direct Line answer.
            LogUnreachable(ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Direct Line refused the token request with status {Status}")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure Direct Line could not be reached for a token ({ErrorType})")]
    private partial void LogUnreachable(string errorType);
}

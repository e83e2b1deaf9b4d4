using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BotRuntime.AspNetCore.Authentication;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;

namespace BotRuntime.AspNetCore.Connector;

/// <summary>
/// Calls the Bot Connector REST API (v3) of the channel that sent the activity: send, reply, update, delete.
/// Retries on 429 and 5xx (honouring Retry-After) come from the resilience pipeline of the named HttpClient.
/// </summary>
public sealed partial class BotConnectorClient(
    IHttpClientFactory httpClientFactory,
    IConnectorTokenProvider tokenProvider,
    ServiceUrlPolicy serviceUrlPolicy,
    ILogger<BotConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    private static readonly ProductInfoHeaderValue UserAgent = new("Microsoft-BotFramework", "3.1");

    /// <summary>POST v3/conversations/{id}/activities[/{replyToId}]: a reply when replyToId is set, otherwise a plain send.</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        var path = string.IsNullOrEmpty(activity.ReplyToId)
            ? $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            : $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activity.ReplyToId)}";
        return SendJsonAsync(HttpMethod.Post, activity.ServiceUrl, path, activity, cancellationToken);
    }

    /// <summary>
    /// POST v3/conversations: starts a conversation, e.g. a new thread in a Teams channel (channelData.channel.id) whose
    /// first message is <see cref="ConversationParameters.Activity"/>. Returns the new conversation id and the first
    /// message's activity id.
    /// </summary>
    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        using var request = await CreateRequestAsync(HttpMethod.Post, serviceUrl, "v3/conversations", cancellationToken).ConfigureAwait(false);
        request.Content = JsonContent.Create(parameters, BotJsonContext.Default.ConversationParameters);
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response);
        try
        {
            return await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ConversationResourceResponse, cancellationToken).ConfigureAwait(false)
                ?? new ConversationResourceResponse();
        }
        catch (System.Text.Json.JsonException)
        {
            return new ConversationResourceResponse();
        }
    }

    public Task<ResourceResponse> UpdateAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        var activityId = activity.Id ?? throw new ArgumentException("The activity has no id to update.", nameof(activity));
        return SendJsonAsync(HttpMethod.Put, activity.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", activity, cancellationToken);
    }

    public async Task DeleteAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        var conversationId = reference.Conversation?.Id ?? throw new ArgumentException("The reference has no conversation.id.", nameof(reference));
        var activityId = reference.ActivityId ?? throw new ArgumentException("The reference has no activity id.", nameof(reference));
        using var request = await CreateRequestAsync(HttpMethod.Delete, reference.ServiceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}", cancellationToken).ConfigureAwait(false);
        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response);
    }

    private async Task<ResourceResponse> SendJsonAsync(HttpMethod method, string? serviceUrl, string path, Activity activity, CancellationToken cancellationToken)
    {
        using var request = await CreateRequestAsync(method, serviceUrl, path, cancellationToken).ConfigureAwait(false);
        request.Content = JsonContent.Create(activity, BotJsonContext.Default.Activity);
        if (activity.ChannelId is { } channelId)
        {
            request.Options.Set(ConnectorRequestOptions.ChannelId, channelId);
        }

        if (activity.Conversation?.Id is { } conversationId)
        {
            request.Options.Set(ConnectorRequestOptions.ConversationId, conversationId);
        }

        using var response = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response);
        if (response.StatusCode == HttpStatusCode.Accepted || response.Content.Headers.ContentLength == 0)
        {
            return new ResourceResponse();
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(BotJsonContext.Default.ResourceResponse, cancellationToken).ConfigureAwait(false) ?? new ResourceResponse();
        }
        catch (System.Text.Json.JsonException)
        {
            // Some channels answer 200 with an empty or non-JSON body; the send itself succeeded.
            return new ResourceResponse();
        }
    }

    private async Task<HttpRequestMessage> CreateRequestAsync(HttpMethod method, string? serviceUrl, string path, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl) || !Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("The activity has no usable serviceUrl to reply to.");
        }

        if (!serviceUrlPolicy.IsAllowed(baseUri))
        {
            // Checked before any token is fetched, so neither a request nor a token goes to a host that is not allowed.
            LogServiceUrlRefused(baseUri.IdnHost.Length <= 100 ? baseUri.IdnHost : baseUri.IdnHost[..100]);
            throw new InvalidOperationException("The activity's serviceUrl is not an allowed Bot Connector host.");
        }

        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.UserAgent.Add(UserAgent);
        var token = await tokenProvider.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(token))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private void EnsureAccepted(HttpResponseMessage response)
    {
        // The connector contract allows exactly 200, 201 and 202.
        if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted)
        {
            return;
        }

        LogConnectorRefused((int)response.StatusCode, response.RequestMessage?.RequestUri?.Host);
        throw new HttpRequestException($"The Bot Connector answered {(int)response.StatusCode}.", null, response.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Did not send to {Host}: not an allowed Bot Connector host (AllowedServiceUrlHosts)")]
    private partial void LogServiceUrlRefused(string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot Connector at {Host} refused an activity with status {Status}")]
    private partial void LogConnectorRefused(int status, string? host);
}

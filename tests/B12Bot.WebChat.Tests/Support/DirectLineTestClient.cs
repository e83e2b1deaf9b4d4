using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace B12Bot.WebChat.Tests.Support;

/// <summary>Direct Line calls with a plain HttpClient, the way directlinejs makes them, returning status and JSON.</summary>
public sealed class DirectLineTestClient(HttpClient http)
{
    public const string Base = "/v3/directline";

    public async Task<DirectLineResponse> SendAsync(HttpMethod method, string path, string? bearer, string? body = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : Base + "/" + path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        request.Headers.Add("x-ms-bot-agent", "DirectLine/3.0 (directlinejs; tests)");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new DirectLineResponse(response.StatusCode, json, text, response.Headers);
    }

    public async Task<(string ConversationId, string Token)> GenerateTokenAsync(string? userId = null)
    {
        var body = userId is null ? null : $$$"""{"user":{"id":"{{{userId}}}"}}""";
        var response = await SendAsync(HttpMethod.Post, "tokens/generate", DirectLineTestHost.Secret, body);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return (response.Json!["conversationId"]!.GetValue<string>(), response.Json!["token"]!.GetValue<string>());
    }

    /// <summary>Generates a token and starts its conversation (the bot's welcome runs).</summary>
    public async Task<StartedConversation> StartAsync(string? locale = null)
    {
        var (conversationId, token) = await GenerateTokenAsync();
        var body = locale is null ? """{"user":{"id":"r_client"}}""" : $$$"""{"user":{"id":"r_client"},"locale":"{{{locale}}}"}""";
        var response = await SendAsync(HttpMethod.Post, "conversations", token, body);
        Assert.Equal(HttpStatusCode.Created, response.Status);
        return new StartedConversation(conversationId, response.Json!["token"]!.GetValue<string>(), response.Json!["streamUrl"]!.GetValue<string>());
    }

    public Task<DirectLineResponse> PostMessageAsync(StartedConversation conversation, string text, string clientActivityId = "client-1") =>
        SendAsync(HttpMethod.Post, $"conversations/{conversation.Id}/activities", conversation.Token, Message(text, clientActivityId));

    public async Task<JsonObject> GetActivitiesAsync(StartedConversation conversation, string watermark = "")
    {
        var response = await SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}/activities?watermark={watermark}", conversation.Token);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json!.AsObject();
    }

    /// <summary>A message shaped like the ones Web Chat posts.</summary>
    public static string Message(string text, string clientActivityId = "client-1") => new JsonObject
    {
        ["type"] = "message",
        ["text"] = text,
        ["channelId"] = "webchat",
        ["from"] = new JsonObject { ["id"] = "r_client", ["name"] = "Visitor", ["role"] = "user" },
        ["locale"] = "en-GB",
        ["localTimestamp"] = "2025-03-01T10:00:00.000+00:00",
        ["localTimezone"] = "Europe/London",
        ["channelData"] = new JsonObject { ["clientActivityID"] = clientActivityId },
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "ClientCapabilities", ["requiresBotState"] = true, ["supportsListening"] = true, ["supportsTts"] = true }),
    }.ToJsonString();
}

public sealed record DirectLineResponse(HttpStatusCode Status, JsonNode? Json, string Text, HttpResponseHeaders Headers)
{
    public string? ErrorCode => Json?["error"]?["code"]?.GetValue<string>();
}

public sealed record StartedConversation(string Id, string Token, string StreamUrl);

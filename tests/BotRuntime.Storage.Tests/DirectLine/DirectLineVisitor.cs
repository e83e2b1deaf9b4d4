using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using BotRuntime.Storage.Tests.Servers;

namespace BotRuntime.Storage.Tests.DirectLine;

/// <summary>
/// One chat page's Direct Line calls, made with plain HTTP and a WebSocket the way directlinejs makes them, to whichever
/// host instance the test names (as a load balancer without sticky sessions would). It keeps the token and the
/// polling watermark as the page does.
/// </summary>
public sealed class DirectLineVisitor
{
    private DirectLineVisitor(string conversationId, string token)
    {
        ConversationId = conversationId;
        Token = token;
    }

    public string ConversationId { get; }

    public string Token { get; private set; }

    public string Watermark { get; private set; } = "";

    /// <summary>A page that comes back with the watermark it saw last (directlinejs's <c>watermark</c> option).</summary>
    public void ResumeFrom(string watermark) => Watermark = watermark;

    /// <summary>The page's token endpoint: a token for a new conversation.</summary>
    public static async Task<DirectLineVisitor> GetTokenAsync(ScaleOutHostProcess host)
    {
        using var response = await host.Client.PostAsync("/webchat/token", null);
        var json = await JsonAsync(response, HttpStatusCode.OK);
        return new DirectLineVisitor(json["conversationId"]!.GetValue<string>(), json["token"]!.GetValue<string>());
    }

    public async Task StartAsync(ScaleOutHostProcess host)
    {
        using var response = await SendAsync(host, HttpMethod.Post, "/v3/directline/conversations", """{"locale":"en-GB"}""");
        var json = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(ConversationId, json["conversationId"]!.GetValue<string>());
        Token = json["token"]!.GetValue<string>();
    }

    /// <summary>Posts a message as Web Chat does; returns its activity id once the bot has answered.</summary>
    public async Task<string> PostAsync(ScaleOutHostProcess host, string text)
    {
        var body = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "ignored", ["role"] = "user" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "client-" + text.Replace(' ', '-') },
        }.ToJsonString();
        using var response = await SendAsync(host, HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", body);
        return (await JsonAsync(response, HttpStatusCode.OK))["id"]!.GetValue<string>();
    }

    /// <summary>One poll from the page's watermark; the page keeps the new watermark.</summary>
    public async Task<List<JsonObject>> PollAsync(ScaleOutHostProcess host)
    {
        using var response = await SendAsync(host, HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}", null);
        var json = await JsonAsync(response, HttpStatusCode.OK);
        if (json["watermark"]?.GetValue<string>() is { Length: > 0 } watermark)
        {
            Watermark = watermark;
        }

        return json["activities"]!.AsArray().Select(a => a!.AsObject()).ToList();
    }

    /// <summary>Reconnects on <paramref name="host"/> (a fresh stream URL there, from the page's watermark) and opens the WebSocket.</summary>
    public async Task<DirectLineStream> OpenStreamAsync(ScaleOutHostProcess host)
    {
        using var response = await SendAsync(host, HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}?watermark={Watermark}", null);
        var json = await JsonAsync(response, HttpStatusCode.OK);
        var streamUrl = new Uri(json["streamUrl"]!.GetValue<string>());
        Assert.Equal(host.Port, streamUrl.Port);
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(streamUrl, CancellationToken.None);
        return new DirectLineStream(socket);
    }

    private async Task<HttpResponseMessage> SendAsync(ScaleOutHostProcess host, HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await host.Client.SendAsync(request);
    }

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

/// <summary>A conversation's WebSocket: every activity of every frame, in arrival order; keep-alives skipped.</summary>
public sealed class DirectLineStream : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonObject> _activities = Channel.CreateUnbounded<JsonObject>();
    private readonly Task _receiving;

    public DirectLineStream(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = ReceiveAsync();
    }

    /// <summary>The next <paramref name="count"/> activities, or a failure naming what came when they do not arrive in time.</summary>
    public async Task<List<JsonObject>> TakeAsync(int count, TimeSpan timeout)
    {
        var taken = new List<JsonObject>(count);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (taken.Count < count)
            {
                taken.Add(await _activities.Reader.ReadAsync(cancel.Token));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"Only {taken.Count} of {count} activities arrived on the stream within {timeout.TotalSeconds:0} s: {string.Join(", ", taken.Select(a => a["text"]))}");
        }

        return taken;
    }

    /// <summary>Activities that arrived beyond the ones taken (a repeat would show here).</summary>
    public async Task<List<JsonObject>> ExtraAfterAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        var extra = new List<JsonObject>();
        while (_activities.Reader.TryRead(out var activity))
        {
            extra.Add(activity);
        }

        return extra;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                if (frame.Length > 0)
                {
                    var set = JsonNode.Parse(frame.ToArray())!;
                    foreach (var activity in set["activities"]!.AsArray())
                    {
                        _activities.Writer.TryWrite(activity!.AsObject());
                    }
                }

                frame.SetLength(0);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _activities.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }

        await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
    }
}

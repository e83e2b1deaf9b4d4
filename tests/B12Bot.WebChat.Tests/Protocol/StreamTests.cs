using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using B12Bot.WebChat.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>The WebSocket stream: replay, live activity sets with watermarks, keep-alives, one socket per conversation.</summary>
public sealed class StreamTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private DirectLineTestHost _host = null!;
    private DirectLineTestClient _client = null!;

    public async Task InitializeAsync()
    {
        // The fake clock drives keep-alives; tokens stay valid because the tests never move it far.
        _host = await DirectLineTestHost.StartAsync(time: _time);
        _client = new DirectLineTestClient(_host.Client);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_stream_replays_the_welcome_then_streams_the_echo_and_the_reply()
    {
        var conversation = await _client.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);

        var replay = await ReceiveSetAsync(socket);
        Assert.Equal([ScriptedTestBot.Welcome], Texts(replay));
        Assert.Equal("1", replay["watermark"]!.GetValue<string>());

        var posted = await _client.PostMessageAsync(conversation, "over the socket", "ws-1");
        Assert.Equal(HttpStatusCode.OK, posted.Status);

        var received = new List<JsonNode>();
        string? watermark = null;
        while (received.Count < 2)
        {
            var set = await ReceiveSetAsync(socket);
            received.AddRange(set["activities"]!.AsArray()!.Select(a => a!));
            watermark = set["watermark"]!.GetValue<string>();
        }

        Assert.Equal("ws-1", received[0]["channelData"]!["clientActivityID"]!.GetValue<string>());
        Assert.Equal($"{conversation.Id}|0000002", received[0]["id"]!.GetValue<string>());
        Assert.Equal("You said: over the socket", received[1]["text"]!.GetValue<string>());
        Assert.Equal("3", watermark);
    }

    [Fact]
    public async Task Reconnecting_with_a_watermark_replays_only_what_came_after_it()
    {
        var conversation = await _client.StartAsync();
        await _client.PostMessageAsync(conversation, "first", "c-1");
        await _client.PostMessageAsync(conversation, "second", "c-2");

        var reconnect = await _client.SendAsync(HttpMethod.Get, $"conversations/{conversation.Id}?watermark=3", conversation.Token);
        using var socket = await ConnectAsync(reconnect.Json!["streamUrl"]!.GetValue<string>());

        var replay = await ReceiveSetAsync(socket);
        Assert.Equal(["second", "You said: second"], Texts(replay));
        Assert.Equal("5", replay["watermark"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_idle_stream_gets_empty_keep_alive_frames_and_ignores_the_clients_empty_pings()
    {
        var conversation = await _client.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);
        await ReceiveSetAsync(socket);

        await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None);
        var frame = ReceiveFrameAsync(socket);
        for (var i = 0; i < 100 && !frame.IsCompleted; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(20);
        }

        Assert.Equal(string.Empty, await frame.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task A_second_socket_for_the_conversation_replaces_the_first_which_closes_with_collision()
    {
        var conversation = await _client.StartAsync();
        using var first = await ConnectAsync(conversation.StreamUrl);
        await ReceiveSetAsync(first);

        using var second = await ConnectAsync(conversation.StreamUrl);
        await ReceiveSetAsync(second);

        var buffer = new byte[1024];
        var closing = await first.ReceiveAsync(buffer, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(WebSocketMessageType.Close, closing.MessageType);
        Assert.Equal("collision", first.CloseStatusDescription);

        await _client.PostMessageAsync(conversation, "to the new socket", "c-9");
        var texts = new List<string>();
        while (texts.Count < 2)
        {
            texts.AddRange(Texts(await ReceiveSetAsync(second)));
        }

        Assert.Equal(["to the new socket", "You said: to the new socket"], texts);
    }

    [Fact]
    public async Task Typing_from_the_bot_is_streamed_live_but_not_kept()
    {
        var conversation = await _client.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);
        await ReceiveSetAsync(socket);

        await _client.PostMessageAsync(conversation, "typing", "c-1");
        var types = new List<string>();
        while (!types.Contains("message") || types.Count(t => t == "message") < 2)
        {
            var set = await ReceiveSetAsync(socket);
            types.AddRange(set["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
        }

        Assert.Contains("typing", types);
        Assert.DoesNotContain("typing", (await _client.GetActivitiesAsync(conversation))["activities"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_stream_with_a_bad_or_foreign_token_is_refused_before_the_upgrade()
    {
        var conversation = await _client.StartAsync();
        var other = await _client.StartAsync();
        var baseUrl = conversation.StreamUrl[..conversation.StreamUrl.IndexOf("?t=", StringComparison.Ordinal)];

        Assert.Equal(HttpStatusCode.Forbidden, await HandshakeStatusAsync(baseUrl + "?t=forged"));
        Assert.Equal(HttpStatusCode.Forbidden, await HandshakeStatusAsync(baseUrl + "?t=" + other.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, await HandshakeStatusAsync(baseUrl));
        var unknown = baseUrl.Replace(conversation.Id, "NoSuchConversation0000000", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await HandshakeStatusAsync(unknown + "?t=" + Uri.EscapeDataString(DirectLineTestHost.Secret)));
    }

    private static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        return socket;
    }

    private static async Task<HttpStatusCode> HandshakeStatusAsync(string url)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(url), new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token));
        return socket.HttpStatusCode;
    }

    /// <summary>The next non-empty frame, as an activity set.</summary>
    private static async Task<JsonObject> ReceiveSetAsync(ClientWebSocket socket)
    {
        while (true)
        {
            var text = await ReceiveFrameAsync(socket).WaitAsync(TimeSpan.FromSeconds(10));
            if (text.Length > 0)
            {
                return JsonNode.Parse(text)!.AsObject();
            }
        }
    }

    private static async Task<string> ReceiveFrameAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The server closed the stream: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    private static List<string> Texts(JsonObject set) => ActivityTests.Texts(set);
}

using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using B12Bot.WebChat.Tests.Support;

namespace B12Bot.WebChat.Tests.Protocol;

/// <summary>
/// Per-instance caps on WebSocket streams (DirectLine:MaxOpenStreams, DirectLine:MaxStreamsPerClientAddress): a stream
/// over a cap is refused with the channel's JSON error before the socket opens, while visitors under it chat on.
/// Every test client here comes from 127.0.0.1, one client address.
/// </summary>
public sealed class StreamLimitTests
{
    [Fact]
    public async Task A_third_stream_from_one_address_is_refused_with_429_until_one_of_the_first_two_closes()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxStreamsPerClientAddress"] = "2" });
        var client = new DirectLineTestClient(host.Client);
        var first = await client.StartAsync();
        var second = await client.StartAsync();
        var third = await client.StartAsync();

        var firstSocket = await ConnectAsync(first.StreamUrl);
        using var secondSocket = await ConnectAsync(second.StreamUrl);
        var refused = await RawHandshakeAsync(third.StreamUrl);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyStreams", refused.Json?["error"]?["code"]?.GetValue<string>());
        Assert.True(refused.Headers.ContainsKey("retry-after"));

        await firstSocket.CloseAsync(WebSocketCloseStatus.NormalClosure, "leaving", CancellationToken.None);
        firstSocket.Dispose();
        using var thirdSocket = await ConnectWhenAdmittedAsync(third.StreamUrl);
        Assert.Equal([ScriptedTestBot.Welcome], Texts(await ReceiveSetAsync(thirdSocket)));
    }

    [Fact]
    public async Task When_the_instance_is_full_a_new_stream_gets_503_and_the_visitor_already_connected_still_gets_every_reply()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxOpenStreams"] = "1" });
        var client = new DirectLineTestClient(host.Client);
        var connected = await client.StartAsync();
        var late = await client.StartAsync();
        using var socket = await ConnectAsync(connected.StreamUrl);
        Assert.Equal([ScriptedTestBot.Welcome], Texts(await ReceiveSetAsync(socket)));

        var refused = await RawHandshakeAsync(late.StreamUrl);
        var posted = await client.PostMessageAsync(connected, "still here", "s-1");
        var streamed = new List<string>();
        while (streamed.Count < 2)
        {
            streamed.AddRange(Texts(await ReceiveSetAsync(socket)));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("TooManyStreams", refused.Json?["error"]?["code"]?.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal(["still here", "You said: still here"], streamed);
        // Polling is not a stream: the refused visitor can still read the conversation.
        Assert.Equal([ScriptedTestBot.Welcome], Texts(await client.GetActivitiesAsync(late)));
    }

    [Fact]
    public async Task At_the_cap_a_reload_of_the_same_conversation_is_admitted_and_replaces_its_old_stream()
    {
        await using var host = await DirectLineTestHost.StartAsync(new() { ["DirectLine:MaxStreamsPerClientAddress"] = "1" });
        var client = new DirectLineTestClient(host.Client);
        var conversation = await client.StartAsync();
        var other = await client.StartAsync();
        using var before = await ConnectAsync(conversation.StreamUrl);
        await ReceiveSetAsync(before);

        using var after = await ConnectAsync(conversation.StreamUrl);
        var replay = await ReceiveSetAsync(after);
        var closed = await ReceiveCloseAsync(before);
        var otherConversation = await RawHandshakeAsync(other.StreamUrl);

        Assert.Equal([ScriptedTestBot.Welcome], Texts(replay));
        Assert.Equal("collision", closed);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherConversation.Status);
    }

    private static async Task<ClientWebSocket> ConnectAsync(string url)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        return socket;
    }

    /// <summary>A closed stream gives its place back when the server has seen the close: retries briefly until then.</summary>
    private static async Task<ClientWebSocket> ConnectWhenAdmittedAsync(string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ConnectAsync(url);
            }
            catch (WebSocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The WebSocket handshake by hand, to read the refusal's status, headers and JSON body.</summary>
    private static async Task<(HttpStatusCode Status, Dictionary<string, string> Headers, JsonNode? Json)> RawHandshakeAsync(string streamUrl)
    {
        var uri = new Uri(streamUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        var request = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
                      $"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: {Convert.ToBase64String(new byte[16])}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync() ?? "";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = new StringBuilder();
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked")
        {
            for (var size = Convert.ToInt32(await reader.ReadLineAsync(), 16); size > 0; size = Convert.ToInt32(await reader.ReadLineAsync(), 16))
            {
                var chunk = new char[size];
                await reader.ReadBlockAsync(chunk);
                body.Append(chunk);
                await reader.ReadLineAsync();
            }
        }
        else
        {
            var chunk = new char[int.Parse(headers.GetValueOrDefault("content-length", "0"))];
            await reader.ReadBlockAsync(chunk);
            body.Append(chunk);
        }

        return ((HttpStatusCode)int.Parse(statusLine.Split(' ')[1]), headers, body.Length > 0 ? JsonNode.Parse(body.ToString()) : null);
    }

    private static async Task<JsonObject> ReceiveSetAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The server closed the stream: {socket.CloseStatus} {socket.CloseStatusDescription}");
                }

                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);

            if (message.Length > 0)
            {
                return JsonNode.Parse(message.ToArray())!.AsObject();
            }
        }
    }

    private static async Task<string?> ReceiveCloseAsync(ClientWebSocket socket)
    {
        var buffer = new byte[16 * 1024];
        while ((await socket.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).MessageType != WebSocketMessageType.Close)
        {
        }

        return socket.CloseStatusDescription;
    }

    private static List<string> Texts(JsonObject set) => ActivityTests.Texts(set);
}

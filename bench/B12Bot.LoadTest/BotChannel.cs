using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using B12Bot.Bench;
using BotRuntime.Schema;

namespace B12Bot.LoadTest;

/// <summary>How the load reaches the bot: a conversation is started on it, then turns are sent and their replies read.</summary>
internal abstract class BotChannel
{
    public abstract string Name { get; }

    /// <summary>A new conversation (through <paramref name="client"/>: with several instances, the one it starts on).</summary>
    public abstract Task<LoadConversation> StartAsync(HttpClient client, long index, CancellationToken cancellationToken);

    /// <summary>Sends one message and returns the text of the replies, or null when the turn failed.</summary>
    public abstract Task<string?> SendAsync(HttpClient client, LoadConversation conversation, string text, CancellationToken cancellationToken);

    public static BotChannel For(ChannelKind kind, string? directLineSecret) => kind switch
    {
        ChannelKind.Messages => new MessagesChannel(),
        ChannelKind.DirectLine => new DirectLineLoadChannel(directLineSecret ?? throw new ArgumentException("Direct Line needs the secret the host was started with.")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

/// <summary>One visitor's conversation as the load generator sees it.</summary>
internal sealed class LoadConversation(string id)
{
    public string Id { get; } = id;

    public int Turns { get; set; }

    /// <summary>Direct Line: the conversation's token and the watermark of the replies already read.</summary>
    public string? Token { get; init; }

    public string? Watermark { get; set; }
}

/// <summary>POST /api/messages with expectReplies: the replies come back in the response.</summary>
internal sealed class MessagesChannel : BotChannel
{
    public override string Name => "/api/messages (expectReplies)";

    public override Task<LoadConversation> StartAsync(HttpClient client, long index, CancellationToken cancellationToken) =>
        Task.FromResult(new LoadConversation($"load-{index}-{Guid.NewGuid():N}"));

    public override async Task<string?> SendAsync(HttpClient client, LoadConversation conversation, string text, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/messages", BenchTurns.Message(text, conversation.Id), BotJsonContext.Default.Activity, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK && body.Length >= 20 ? body : null;
    }
}

/// <summary>
/// Direct Line as Web Chat uses it, polling: the conversation is started with the secret (as the site's server would
/// for a token), each message posted with the conversation's token (the post returns once the bot's turn is done), and
/// the replies read from the activities after the last watermark. Each instance must know the conversation: across
/// instances that needs the history in the shared store.
/// </summary>
internal sealed class DirectLineLoadChannel(string secret) : BotChannel
{
    public override string Name => "Direct Line (post, then poll the activities)";

    public override async Task<LoadConversation> StartAsync(HttpClient client, long index, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"starting a Direct Line conversation: {(int)response.StatusCode}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        return new LoadConversation(body.RootElement.GetProperty("conversationId").GetString()!)
        {
            Token = body.RootElement.GetProperty("token").GetString(),
        };
    }

    public override async Task<string?> SendAsync(HttpClient client, LoadConversation conversation, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount("load-user", "Visitor", RoleTypes.User),
            Text = text,
            Locale = "en-US",
        };
        string? postedId;
        using (var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation.Id}/activities")
        {
            Content = JsonContent.Create(activity, BotJsonContext.Default.Activity),
        })
        {
            post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
            using var posted = await client.SendAsync(post, cancellationToken).ConfigureAwait(false);
            if (posted.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            using var postBody = JsonDocument.Parse(await posted.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            postedId = postBody.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }

        var query = conversation.Watermark is null ? "" : $"?watermark={Uri.EscapeDataString(conversation.Watermark)}";
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversation.Id}/activities{query}");
        poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", conversation.Token);
        using var polled = await client.SendAsync(poll, cancellationToken).ConfigureAwait(false);
        if (polled.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        using var set = JsonDocument.Parse(await polled.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        if (set.RootElement.TryGetProperty("watermark", out var watermark) && watermark.ValueKind == JsonValueKind.String)
        {
            conversation.Watermark = watermark.GetString();
        }

        // The bot's replies to this message: everything after the watermark but the message itself.
        var replies = new StringBuilder();
        foreach (var item in set.RootElement.GetProperty("activities").EnumerateArray())
        {
            if (item.TryGetProperty("id", out var itemId) && itemId.GetString() == postedId)
            {
                continue;
            }

            replies.Append(item.TryGetProperty("text", out var reply) ? reply.GetString() : "").Append('\n');
        }

        return replies.Length > 0 ? replies.ToString() : null;
    }
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace B12Bot.Tests.Handoff;

/// <summary>A website visitor on the bot's Direct Line channel, making the calls Web Chat makes.</summary>
public sealed class DirectLineVisitor(HttpClient http, string conversationId, string token)
{
    private int _watermark;
    private int _sent;

    public string ConversationId { get; } = conversationId;

    public static async Task<DirectLineVisitor> StartAsync(HttpClient http, string secret)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var generated = await http.SendAsync(generate);
        generated.EnsureSuccessStatusCode();
        var token = (await generated.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        started.EnsureSuccessStatusCode();
        var body = (await started.Content.ReadFromJsonAsync<JsonObject>())!;
        var visitor = new DirectLineVisitor(http, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
        await visitor.ReadNewAsync(); // the welcome
        return visitor;
    }

    /// <summary>Posts a message (the bot's turn runs before the POST returns) and returns the bot's new messages.</summary>
    public async Task<List<JsonObject>> SayAsync(string text)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "visitor", ["name"] = "Visitor" },
            ["locale"] = "en-US",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "client-" + Interlocked.Increment(ref _sent) },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities")
        {
            Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await ReadNewAsync();
    }

    /// <summary>The bot's messages since the last read (the visitor's own echoes left out).</summary>
    public async Task<List<JsonObject>> ReadNewAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (body["watermark"]?.GetValue<string>() is { } watermark)
        {
            _watermark = int.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture);
        }

        return [.. body["activities"]!.AsArray().Select(a => a!.AsObject()).Where(a => a["from"]?["role"]?.GetValue<string>() == "bot" && a["type"]?.GetValue<string>() == "message")];
    }

    /// <summary>Waits (up to 10 s) for bot messages sent without a visitor turn (proactive).</summary>
    public async Task<List<JsonObject>> WaitForNewAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var messages = await ReadNewAsync();
            if (messages.Count > 0)
            {
                return messages;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The visitor's chat got no new message.");
    }

    public static string Text(IEnumerable<JsonObject> messages) =>
        string.Join("\n", messages.Select(m => m["text"]?.GetValue<string>() ?? string.Empty));
}

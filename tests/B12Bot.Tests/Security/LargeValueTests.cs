using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using B12Bot.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Tests.Security;

/// <summary>
/// Finding 2 end to end: a card submit whose value carries a 60 KB string (the largest the website channel accepts) is
/// answered like any other message, on /api/messages and on the website chat, instead of keeping a core busy for
/// seconds. The bound is generous (a loaded CI machine); the old screen needed about 6 s of CPU for such a value on a
/// quiet one.
/// </summary>
public sealed class LargeValueTests
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(5);

    private static string SixtyKilobytes()
    {
        var text = new StringBuilder();
        // Symptom words without a sentence mark and without forming a sign: the screen has the most to weigh.
        string[] words = ["no", "swelling", "of", "throat", "lips", "tongue", "face", "rash", "hives", "itchy", "dizzy", "not", "faint", "breathing", "fine", "yesterday", "arm", "sore"];
        for (var i = 0; text.Length < 60_000; i++)
        {
            text.Append(words[(i * 7) % words.Length]).Append(' ');
        }

        return text.ToString(0, 60_000);
    }

    [Fact]
    public async Task A_60_KB_value_on_api_messages_is_answered_promptly()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.SayAsync("hello", "warm-up");
        var submit = Turns.Message(null, "large-value-1");
        submit.Value = System.Text.Json.JsonSerializer.SerializeToElement(SixtyKilobytes(), BotJsonContext.Default.String);

        var clock = Stopwatch.StartNew();
        var replies = await bot.SendAsync(submit);
        var elapsed = clock.Elapsed;

        Assert.Contains(replies, r => r.Type == ActivityTypes.Message);
        Assert.True(elapsed < Answered, $"answered after {elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task A_60_KB_value_on_the_website_chat_is_answered_promptly()
    {
        await using var bot = await RunningBot.StartAsync();
        using var tokenResponse = await bot.Client.PostAsync("/webchat/token", null);
        var token = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["token"]!.GetValue<string>();
        var conversationId = JsonNode.Parse(await tokenResponse.Content.ReadAsStringAsync())!["conversationId"]!.GetValue<string>();
        using (var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations"))
        {
            start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await bot.Client.SendAsync(start)).EnsureSuccessStatusCode();
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["value"] = SixtyKilobytes(), ["from"] = new JsonObject { ["id"] = "visitor" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var posted = await bot.Client.SendAsync(post);
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(elapsed < Answered, $"answered after {elapsed.TotalSeconds:F1} s");
    }
}

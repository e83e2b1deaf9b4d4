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
/// answered like any other message, on /api/messages and on the website chat, instead of keeping a core busy. Two
/// shapes: symptom words that never form a sign, and one negated sign repeated in a single sentence, the old screen's
/// worst case (it tried every pair of sign words in a sentence and re-scanned the sentence for each: about 0.3 s of
/// CPU for 15 KB of "chest not tight", 1.1 s for 30 KB, 4.2 s for 60 KB). /api/messages takes 256 KB, so one request
/// can carry that four times over (text and three value strings): about 17 s of CPU for the old screen. The bound is
/// generous for a loaded CI machine; the linear triage needs about a millisecond.
/// </summary>
public sealed class LargeValueTests
{
    private static readonly TimeSpan Answered = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Shapes => ["symptom words", "a negated sign repeated"];

    private static string SixtyKilobytes(string shape)
    {
        // No sentence mark anywhere: the whole value is one sentence, where a screen has the most to weigh.
        string[] words = shape == "symptom words"
            ? ["no", "swelling", "of", "throat", "lips", "tongue", "face", "rash", "hives", "itchy", "dizzy", "not", "faint", "breathing", "fine", "yesterday", "arm", "sore"]
            : ["chest", "not", "tight"];
        var step = words.Length == 3 ? 1 : 7;
        var text = new StringBuilder();
        for (var i = 0; text.Length < 60_000; i++)
        {
            text.Append(words[(i * step) % words.Length]).Append(' ');
        }

        return text.ToString(0, 60_000);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_60_KB_value_on_api_messages_is_answered_promptly(string shape)
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.SayAsync("hello", "warm-up");
        var submit = Turns.Message(null, "large-value-1");
        submit.Value = System.Text.Json.JsonSerializer.SerializeToElement(SixtyKilobytes(shape), BotJsonContext.Default.String);

        var clock = Stopwatch.StartNew();
        var replies = await bot.SendAsync(submit);
        var elapsed = clock.Elapsed;

        Assert.Contains(replies, r => r.Type == ActivityTypes.Message);
        Assert.True(elapsed < Answered, $"answered after {elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task The_most_text_and_value_one_request_can_carry_is_answered_promptly()
    {
        await using var bot = await RunningBot.StartAsync();
        await bot.SayAsync("hello", "warm-up");
        var worst = SixtyKilobytes("a negated sign repeated");
        var submit = Turns.Message(worst, "large-value-2");
        var value = new JsonObject { ["a"] = worst, ["b"] = worst, ["c"] = worst };
        submit.Value = System.Text.Json.JsonDocument.Parse(value.ToJsonString()).RootElement.Clone();

        var clock = Stopwatch.StartNew();
        var replies = await bot.SendAsync(submit);
        var elapsed = clock.Elapsed;

        Assert.Contains(replies, r => r.Type == ActivityTypes.Message);
        Assert.True(elapsed < Answered, $"answered after {elapsed.TotalSeconds:F1} s");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task A_60_KB_value_on_the_website_chat_is_answered_promptly(string shape)
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
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["value"] = SixtyKilobytes(shape), ["from"] = new JsonObject { ["id"] = "visitor" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var clock = Stopwatch.StartNew();
        using var posted = await bot.Client.SendAsync(post);
        var elapsed = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(elapsed < Answered, $"answered after {elapsed.TotalSeconds:F1} s");
    }
}

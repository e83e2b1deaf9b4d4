using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using B12Bot.Tests.Support;
using BotRuntime.Schema;
using BotRuntime.Storage;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit.Abstractions;

namespace B12Bot.Tests.Security;

/// <summary>
/// Thousands of generated hostile requests (<see cref="FuzzRequestGenerator"/>) against /api/messages and the Direct
/// Line channel of the real host on loopback, several at a time. Afterwards: no 5xx (but the protocol's 501 for an
/// unhandled invoke) and no hung request, the host is
/// healthy, every conversation's history reads back in order, every stored state document is readable JSON, and the
/// bot answers an ordinary question on both channels. The normal test run sends a fixed-seed subset; the long run is
/// bench/fuzz.sh (FUZZ_REQUESTS=10000).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const string Secret = "fuzz-direct-line-secret-0123456789";
    private const string SigningKey = "fuzz-token-signing-key-0123456789-0123456789";
    private const string Question = "How often are B12 injections given?";

    [Fact]
    public async Task Generated_hostile_requests_get_no_5xx_and_leave_the_host_healthy_and_its_stores_consistent()
    {
        var requests = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS"), out var n) ? n : 2500;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 1311;
        var bound = TimeSpan.FromSeconds(Math.Max(120, requests / 10));
        await using var bot = await RunningBot.StartAsync(
            "--DirectLine:Secret", Secret,
            "--DirectLine:TokenSigningKey", SigningKey,
            "--Logging:LogLevel:Default", "Warning");
        using var http = new HttpClient { BaseAddress = bot.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var conversations = new List<(string Id, string Token)>();
        for (var i = 0; i < Math.Max(20, requests / 40); i++)
        {
            conversations.Add(await StartConversationAsync(http));
        }

        var statuses = new ConcurrentDictionary<string, int>();
        var byKind = new ConcurrentDictionary<string, int>();
        var problems = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        using var deadline = new CancellationTokenSource(bound);
        await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = deadline.Token }, async (index, cancellationToken) =>
        {
            var request = new FuzzRequestGenerator(unchecked(seed * 100_003 + index)).Next();
            var conversation = conversations[index % conversations.Count];
            var other = conversations[(index + 1) % conversations.Count];
            string outcome;
            try
            {
                using var message = Build(request, conversation, other);
                using var response = await http.SendAsync(message, cancellationToken);
                await response.Content.ReadAsByteArrayAsync(cancellationToken);
                outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if ((int)response.StatusCode >= 500 && !IsUnhandledInvoke(request, response.StatusCode))
                {
                    problems.Enqueue($"#{index} {request.Kind} {request.Target}: {(int)response.StatusCode}");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && request.Kind.StartsWith("oversized-body", StringComparison.Ordinal))
            {
                // The host may answer 413 and close the connection before a huge body is fully sent.
                outcome = "closed-early";
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                outcome = "client-error";
                problems.Enqueue($"#{index} {request.Kind} {request.Target}: {ex.GetType().Name}");
            }

            statuses.AddOrUpdate(outcome, 1, (_, c) => c + 1);
            byKind.AddOrUpdate($"{request.Target,-16} {request.Kind.Split('+')[0],-18} {outcome}", 1, (_, c) => c + 1);
        });
        var elapsed = clock.Elapsed;

        Report(requests, seed, elapsed, statuses, byKind, problems);
        Assert.Equal(requests, statuses.Values.Sum());
        Assert.Empty(problems);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        foreach (var (id, token) in conversations)
        {
            await AssertHistoryInOrderAsync(http, id, token);
        }

        await AssertStateReadableAsync(bot, conversations);
        await AssertTheBotStillAnswersAsync(bot, http);
    }

    /// <summary>
    /// An invoke the bot does not handle is answered 501 in the invoke response, as the Bot Framework protocol (and the
    /// SDK's ActivityHandler) prescribes; Teams reads it. It is the only 5xx the host may give.
    /// </summary>
    private static bool IsUnhandledInvoke(FuzzRequest request, HttpStatusCode status) =>
        status == HttpStatusCode.NotImplemented && request.Target == FuzzTarget.Messages && request.Body is { } body
        && Encoding.UTF8.GetString(body).Contains("\"type\":\"invoke\"", StringComparison.Ordinal);

    private static HttpRequestMessage Build(FuzzRequest request, (string Id, string Token) conversation, (string Id, string Token) other)
    {
        var path = request.Target switch
        {
            FuzzTarget.Messages => "/api/messages",
            FuzzTarget.DirectLinePost => $"/v3/directline/conversations/{conversation.Id}/activities",
            _ when request.PathSuffix == "refresh" => "/v3/directline/tokens/refresh",
            _ => $"/v3/directline/conversations/{conversation.Id}/{request.PathSuffix}".TrimEnd('/'),
        };
        var message = new HttpRequestMessage(request.Method, path);
        var credential = request.Credential switch
        {
            FuzzCredential.Valid => conversation.Token,
            FuzzCredential.Garbage => "not-a-token-" + Guid.NewGuid(),
            FuzzCredential.Tampered => conversation.Token[..^4] + (conversation.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
            FuzzCredential.Expired => ExpiredToken(conversation.Id),
            FuzzCredential.OtherConversation => other.Token,
            FuzzCredential.AlgNone => UnsignedToken(conversation.Id),
            _ => null,
        };
        if (credential is not null)
        {
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + credential);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (MediaTypeHeaderValue.TryParse(request.ContentType, out var type))
            {
                message.Content.Headers.ContentType = type;
            }
        }

        return message;
    }

    /// <summary>A correctly signed token whose time (and conversation) has run out.</summary>
    private static string ExpiredToken(string conversationId)
    {
        var past = DateTime.UtcNow.AddHours(-3);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "botruntime-directline",
            Audience = "botruntime-directline",
            IssuedAt = past,
            NotBefore = past,
            Expires = past.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = "dl_fuzz", ["cexp"] = new DateTimeOffset(past.AddHours(1)).ToUnixTimeSeconds() },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string UnsignedToken(string conversationId)
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." + Part($$"""{"iss":"botruntime-directline","aud":"botruntime-directline","conv":"{{conversationId}}","exp":{{exp}},"cexp":{{exp}}}""") + ".";
    }

    private static async Task<(string Id, string Token)> StartConversationAsync(HttpClient http)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
        using var generated = await http.SendAsync(generate);
        var issued = JsonNode.Parse(await generated.Content.ReadAsStringAsync())!;
        var token = issued["token"]!.GetValue<string>();
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var started = await http.SendAsync(start);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (issued["conversationId"]!.GetValue<string>(), JsonNode.Parse(await started.Content.ReadAsStringAsync())!["token"]!.GetValue<string>());
    }

    private static async Task AssertHistoryInOrderAsync(HttpClient http, string conversationId, string token)
    {
        var watermark = string.Empty;
        long previous = -1;
        for (var page = 0; page < 100; page++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark={watermark}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var set = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var activities = set["activities"]!.AsArray();
            foreach (var activity in activities)
            {
                Assert.False(string.IsNullOrEmpty(activity!["type"]?.GetValue<string>()));
                var sequence = long.Parse(activity["id"]!.GetValue<string>().Split('|')[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(previous < 0 || sequence == previous + 1, $"history of {conversationId} out of order: {previous} then {sequence}");
                previous = sequence;
            }

            if (activities.Count == 0 || set["watermark"]!.GetValue<string>() == watermark)
            {
                return;
            }

            watermark = set["watermark"]!.GetValue<string>();
        }
    }

    private static async Task AssertStateReadableAsync(RunningBot bot, List<(string Id, string Token)> conversations)
    {
        var keys = conversations.Select(c => $"webchat/conversations/{c.Id}")
            .Concat(Enumerable.Range(0, 40).SelectMany(i => new[] { "webchat", "emulator", "msteams", "directline", "test" }.Select(channel => $"{channel}/conversations/fuzz-conv-{i}")))
            .ToArray();
        var documents = await bot.Services.GetRequiredService<IStorage>().ReadAsync(keys);
        Assert.NotEmpty(documents);
        Assert.All(documents.Values, document => Assert.Equal(JsonValueKind.Object, Assert.IsType<JsonElement>(document).ValueKind));
    }

    private static async Task AssertTheBotStillAnswersAsync(RunningBot bot, HttpClient http)
    {
        var replies = await bot.SayAsync(Question, "after-the-fuzz");
        Assert.Contains(replies, r => r.Type == ActivityTypes.Message && !string.IsNullOrWhiteSpace(r.Text));

        var (id, token) = await StartConversationAsync(http);
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{id}/activities")
        {
            Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["text"] = Question, ["from"] = new JsonObject { ["id"] = "visitor" } }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var posted = await http.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities");
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var history = JsonNode.Parse(await (await http.SendAsync(read)).Content.ReadAsStringAsync())!["activities"]!.AsArray();
        var afterQuestion = history.SkipWhile(a => a!["text"]?.GetValue<string>() != Question).Skip(1);
        Assert.Contains(afterQuestion, a => a!["from"]!["role"]?.GetValue<string>() == "bot" && !string.IsNullOrWhiteSpace(a["text"]?.GetValue<string>()));
    }

    private void Report(int requests, int seed, TimeSpan elapsed, ConcurrentDictionary<string, int> statuses, ConcurrentDictionary<string, int> byKind, ConcurrentQueue<string> problems)
    {
        var text = new StringBuilder();
        text.AppendLine($"fuzz: {requests} requests, seed {seed}, {elapsed.TotalSeconds:F1} s ({requests / Math.Max(0.001, elapsed.TotalSeconds):F0} req/s)");
        text.AppendLine("by status: " + string.Join(", ", statuses.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")));
        foreach (var (key, count) in byKind.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"  {key} {count}");
        }

        foreach (var problem in problems.Take(20))
        {
            text.AppendLine("problem: " + problem);
        }

        output.WriteLine(text.ToString());
        Console.WriteLine(text.ToString());
    }
}

using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace B12Bot.Tests.Handoff;

/// <summary>
/// A stand-in for Teams' Bot Connector on a loopback port: records every call the bot makes (create conversation,
/// send, reply, update) and answers as the connector does, so a test can read what the clinic channel would show.
/// </summary>
public sealed class FakeTeamsConnector : IAsyncDisposable
{
    public const string ThreadRootId = "1669000000001";
    private readonly WebApplication _app;
    private int _sequence;
    private int _threads;

    private FakeTeamsConnector(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    public Uri ServiceUrl { get; }

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeTeamsConnector? self = null;
        app.MapMethods("/teams/{**path}", ["POST", "PUT", "DELETE"], async (HttpContext context, string path) =>
        {
            var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
                ? await JsonNode.ParseAsync(context.Request.Body)
                : null;
            // The path as sent (still escaped), as a real connector receives it.
            var raw = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
            var call = new ConnectorCall(context.Request.Method, raw["/teams".Length..], body);
            self!.Calls.Enqueue(call);
            if (context.Request.Method == "POST" && path == "v3/conversations")
            {
                var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>() ?? "19:unknown@thread.tacv2";
                // The first thread's root message is ThreadRootId; later ones count up from it.
                var root = (long.Parse(ThreadRootId, System.Globalization.CultureInfo.InvariantCulture) + Interlocked.Increment(ref self._threads) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Json(new JsonObject { ["id"] = $"{channel};messageid={root}", ["activityId"] = root });
            }

            return Results.Json(new JsonObject { ["id"] = "msg-" + Interlocked.Increment(ref self._sequence) });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new FakeTeamsConnector(app, new Uri(address + "/teams/"));
        return self;
    }

    /// <summary>Waits (up to 10 s) for a call that matches; the bot posts some messages in the background.</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Calls.FirstOrDefault(match) is { } call)
            {
                return call;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException($"The clinic channel never got {what}. Calls: {string.Join(", ", Calls.Select(c => c.Method + " " + c.Path))}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ConnectorCall(string Method, string Path, JsonNode? Body)
{
    /// <summary>Every TextBlock text of the Adaptive Card(s) the activity (or create-conversation activity) carries.</summary>
    public IEnumerable<string> TextBlocks => Elements("TextBlock").Select(e => e["text"]?.GetValue<string>() ?? string.Empty);

    /// <summary>Every TextRun text: where visitor words must be (shown literally).</summary>
    public IEnumerable<string> TextRuns => Elements("TextRun").Select(e => e["text"]?.GetValue<string>() ?? string.Empty);

    public JsonNode? Activity => Path == "/v3/conversations" ? Body?["activity"] : Body;

    public IEnumerable<JsonObject> Actions => Elements("Action.Submit");

    private IEnumerable<JsonObject> Elements(string type)
    {
        var attachments = Activity?["attachments"]?.AsArray() ?? [];
        foreach (var attachment in attachments)
        {
            foreach (var element in Walk(attachment?["content"]))
            {
                if (element["type"]?.GetValue<string>() == type)
                {
                    yield return element;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    public override string ToString() => $"{Method} {Path} {Body?.ToJsonString()}";
}

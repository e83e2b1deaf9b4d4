using System.Collections.Concurrent;
using System.Net;
using BotRuntime.Schema;
using BotRuntime.Storage;
using BotRuntime.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotRuntime.Tests.Http;

/// <summary>Ordinary turns answer 200 at once and the replies are POSTed to the channel's Bot Connector API.</summary>
public sealed class ConnectorReplyTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Authorization, Activity Activity)> _received = new();
    private WebApplication _connector = null!;
    private Uri _connectorUrl = null!;
    private LoopbackBotHost _bot = null!;
    private int _refuseFirstWith;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _connector = builder.Build();
        _connector.MapPost("/connector/v3/conversations/{conversationId}/activities/{**rest}", async (HttpContext context) =>
        {
            if (Interlocked.Exchange(ref _refuseFirstWith, 0) is var status and > 0)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(status);
            }

            var activity = await context.Request.ReadFromJsonAsync(BotJsonContext.Default.Activity);
            _received.Enqueue((context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget, context.Request.Headers.Authorization.FirstOrDefault(), activity!));
            return Results.Json(new ResourceResponse("sent-1"), BotJsonContext.Default.ResourceResponse);
        });
        await _connector.StartAsync();
        _connectorUrl = new Uri(_connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/connector");
        _bot = await LoopbackBotHost.StartAsync(new MemoryStorage());
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Fact]
    public async Task A_reply_is_posted_to_the_reply_url_with_swapped_parties_and_no_token_in_local_mode()
    {
        var incoming = Activities.Message("hello", conversationId: "a:conv/1", serviceUrl: _connectorUrl.ToString(), deliveryMode: DeliveryModes.Normal);
        incoming.Id = "incoming-7";

        var response = await _bot.Client.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var (path, authorization, reply) = Assert.Single(_received);
        Assert.Equal("/connector/v3/conversations/a%3Aconv%2F1/activities/incoming-7", path);
        Assert.Null(authorization);
        Assert.Equal("count 1", reply.Text);
        Assert.Equal("bot-1", reply.From?.Id);
        Assert.Equal("user-1", reply.Recipient?.Id);
        Assert.Equal("a:conv/1", reply.Conversation?.Id);
        Assert.Equal(Channels.Emulator, reply.ChannelId);
        Assert.Equal("incoming-7", reply.ReplyToId);
        Assert.Null(reply.Id);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_throttled_or_failing_connector_is_retried_after_retry_after(int status)
    {
        _refuseFirstWith = status;
        var incoming = Activities.Message("hello", conversationId: "retry", serviceUrl: _connectorUrl.ToString(), deliveryMode: DeliveryModes.Normal);

        var response = await _bot.Client.PostAsync(incoming);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("count 1", Assert.Single(_received).Activity.Text);
    }

    [Fact]
    public async Task Welcome_on_a_conversation_update_is_sent_without_a_reply_id_on_webchat()
    {
        var update = Activities.Message("", conversationId: "dl-1", serviceUrl: _connectorUrl.ToString(), deliveryMode: DeliveryModes.Normal);
        update.Type = ActivityTypes.ConversationUpdate;
        update.ChannelId = Channels.Webchat;
        update.Text = null;
        update.MembersAdded = [new ChannelAccount("bot-1"), new ChannelAccount("user-1")];

        await _bot.Client.PostAsync(update);

        var (path, _, reply) = Assert.Single(_received);
        Assert.Equal("/connector/v3/conversations/dl-1/activities", path);
        Assert.Equal("welcome", reply.Text);
        Assert.Null(reply.ReplyToId);
    }
}

using BotRuntime.AspNetCore.Connector;
using BotRuntime.AspNetCore.Teams;
using BotRuntime.Teams;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Teams.Tests.Runtime;

/// <summary>
/// The Bot Connector's Teams pacing handler: the 8th send within a second to one Teams conversation waits for its slot
/// (Teams would answer 429); sends to other channels, and updates, go at once.
/// </summary>
public sealed class TeamsSendPacingHandlerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpMessageInvoker _client;
    private int _sent;

    public TeamsSendPacingHandlerTests()
    {
        var connector = new StubConnector(() => Interlocked.Increment(ref _sent));
        _client = new HttpMessageInvoker(new TeamsSendPacingHandler(new ConversationRateLimiter(_time)) { InnerHandler = connector });
    }

    [Fact]
    public async Task The_eighth_send_to_a_Teams_conversation_within_a_second_waits_for_the_next_second()
    {
        for (var i = 0; i < 7; i++)
        {
            using var response = await _client.SendAsync(Send("msteams", "a:personal"), CancellationToken.None);
        }

        var eighth = _client.SendAsync(Send("msteams", "a:personal"), CancellationToken.None);
        await Task.Delay(50);
        Assert.False(eighth.IsCompleted);
        Assert.Equal(7, _sent);

        _time.Advance(TimeSpan.FromSeconds(1));
        (await eighth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Equal(8, _sent);
    }

    [Fact]
    public async Task Sends_to_other_channels_and_updates_are_not_held()
    {
        for (var i = 0; i < 7; i++)
        {
            using var response = await _client.SendAsync(Send("msteams", "a:busy"), CancellationToken.None);
        }

        using (await _client.SendAsync(Send("webchat", "a:busy"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }

        var update = Send("msteams", "a:busy");
        update.Method = HttpMethod.Put;
        using (await _client.SendAsync(update, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }

        Assert.Equal(9, _sent);
    }

    public void Dispose() => _client.Dispose();

    private static HttpRequestMessage Send(string channelId, string conversationId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"https://smba.example/v3/conversations/{conversationId}/activities");
        request.Options.Set(ConnectorRequestOptions.ChannelId, channelId);
        request.Options.Set(ConnectorRequestOptions.ConversationId, conversationId);
        return request;
    }

    private sealed class StubConnector(Action onSend) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            onSend();
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}

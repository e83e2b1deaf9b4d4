using BotRuntime.Teams;
using Microsoft.Extensions.Time.Testing;

namespace B12Bot.Teams.Tests.Runtime;

/// <summary>
/// Teams allows a bot 7 messages per second (8 per 2 s, 60 per 30 s) in one conversation. The limiter makes the 8th
/// send wait instead of drawing a 429; other conversations are not slowed down.
/// </summary>
public sealed class ConversationRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Seven_sends_go_at_once_and_the_eighth_waits_for_the_next_second()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 7; i++)
        {
            Assert.True(limiter.WaitAsync("a:personal").IsCompletedSuccessfully);
        }

        var eighth = limiter.WaitAsync("a:personal").AsTask();
        Assert.False(eighth.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(eighth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await eighth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Other_conversations_are_not_held_up()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("a:busy");
        }

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:quiet"));
        Assert.True(limiter.Reserve("a:busy") > TimeSpan.Zero);
    }

    [Fact]
    public void The_two_second_and_thirty_second_limits_apply_too()
    {
        var limiter = new ConversationRateLimiter(_time);
        var delays = Enumerable.Range(0, 61).Select(_ => limiter.Reserve("19:group@thread.v2")).ToList();

        // 7 now, the 8th after 1 s, then never more than 8 in any 2 s, and the 61st after 30 s.
        Assert.All(delays.Take(7), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal(TimeSpan.FromSeconds(1), delays[7]);
        Assert.Equal(TimeSpan.FromSeconds(2), delays[8]);
        Assert.True(delays[60] >= TimeSpan.FromSeconds(30));
        for (var i = 8; i < delays.Count; i++)
        {
            Assert.True(delays[i] - delays[i - 8] >= TimeSpan.FromSeconds(2), $"send {i} keeps 8 per 2 s");
        }

        for (var i = 7; i < delays.Count; i++)
        {
            Assert.True(delays[i] - delays[i - 7] >= TimeSpan.FromSeconds(1), $"send {i} keeps 7 per second");
        }
    }

    [Fact]
    public void Replies_in_channel_threads_count_against_their_channel()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve($"19:channel@thread.tacv2;messageid={i}");
        }

        Assert.True(limiter.Reserve("19:channel@thread.tacv2") > TimeSpan.Zero);
    }

    [Fact]
    public void Slots_free_up_as_time_passes()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 7; i++)
        {
            limiter.Reserve("a:personal");
        }

        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, limiter.Reserve("a:personal"));
    }

    [Fact]
    public void Quiet_conversations_are_forgotten_after_an_hour()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 100; i++)
        {
            limiter.Reserve($"a:conversation-{i}");
        }

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 300; i++)
        {
            limiter.Reserve("a:still-talking");
            _time.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(1, limiter.TrackedConversations);
    }

    [Fact]
    public async Task A_cancelled_wait_ends_with_cancellation()
    {
        var limiter = new ConversationRateLimiter(_time);
        for (var i = 0; i < 7; i++)
        {
            await limiter.WaitAsync("a:personal");
        }

        using var cancellation = new CancellationTokenSource();
        var waiting = limiter.WaitAsync("a:personal", cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }
}

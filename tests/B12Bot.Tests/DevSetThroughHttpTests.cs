using B12Bot.Tests.Support;
using BotRuntime.Schema;

namespace B12Bot.Tests;

/// <summary>
/// The development set, sent the way the evaluation and real channels send it: POST /api/messages with expectReplies,
/// one conversation per message, against the real application.
/// </summary>
public sealed class DevSetThroughHttpTests : IAsyncLifetime
{
    private RunningBot _bot = null!;

    public async Task InitializeAsync() => _bot = await RunningBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [MemberData(nameof(DevSet.Emergencies), MemberType = typeof(DevSet))]
    public async Task Every_emergency_gets_the_urgent_message_with_high_importance(string message)
    {
        var replies = await _bot.SayAsync(message, Guid.NewGuid().ToString("N"));

        var urgent = Assert.Single(replies, r => r.Importance == ActivityImportance.High);
        Assert.Contains("911", urgent.Text);
    }

    [Theory]
    [MemberData(nameof(DevSet.Benign), MemberType = typeof(DevSet))]
    public async Task Benign_messages_get_a_reply_and_never_the_urgent_message(string message)
    {
        var replies = await _bot.SayAsync(message, Guid.NewGuid().ToString("N"));

        Assert.DoesNotContain(replies, r => r.Importance == ActivityImportance.High);
        Assert.NotEmpty(Turns.Text(replies).Trim());
    }

    [Fact]
    public async Task Faq_phrasings_of_the_dev_set_get_their_answer_and_nothing_else_is_marked_urgent()
    {
        var misses = new List<string>();
        var total = 0;
        foreach (var (topic, says, expect) in DevSet.FaqCases())
        {
            total++;
            var replies = await _bot.SayAsync(says, Guid.NewGuid().ToString("N"));
            Assert.DoesNotContain(replies, r => r.Importance == ActivityImportance.High);
            var text = Turns.Text(replies);
            if (!expect.All(group => group.Any(e => text.Contains(e, StringComparison.OrdinalIgnoreCase))))
            {
                misses.Add($"{topic}: {says}");
            }
        }

        // The bar for the development set is every case; the misses are listed if one slips.
        Assert.True(misses.Count == 0, $"{misses.Count}/{total} FAQ cases missed:\n" + string.Join("\n", misses));
    }

    [Theory]
    [InlineData("what time is it in tokyo")]
    [InlineData("recommend a good movie")]
    public async Task Out_of_scope_messages_get_the_scope_statement_not_an_answer(string message)
    {
        var replies = await _bot.SayAsync(message, Guid.NewGuid().ToString("N"));

        var text = Turns.Text(replies);
        Assert.Contains("only", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("B12", text);
        Assert.DoesNotContain(replies, r => r.Importance == ActivityImportance.High);
    }
}

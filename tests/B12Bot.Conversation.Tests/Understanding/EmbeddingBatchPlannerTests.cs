using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

public sealed class EmbeddingBatchPlannerTests
{
    [Fact]
    public void Every_waiting_text_is_in_exactly_one_call()
    {
        int[] lengths = [12, 7, 40, 9, 9, 128, 22, 8, 31, 10, 64, 11];

        var calls = EmbeddingBatchPlanner.Plan(lengths, maxBatchSize: 4, maxBatchTokens: 256);

        Assert.Equal(Enumerable.Range(0, lengths.Length), calls.SelectMany(call => call).Order());
        Assert.All(calls, call => Assert.InRange(call.Length, 1, 4));
        Assert.All(calls.Where(call => call.Length > 1), call => Assert.True(call.Length * call.Max(i => lengths[i]) <= 256));
    }

    [Fact]
    public void Texts_of_similar_length_share_a_call_and_a_long_one_does_not_pad_the_short_ones()
    {
        // Six short questions and one long story: padding six texts to 120 word pieces would cost far more than a call.
        int[] lengths = [9, 120, 10, 8, 9, 11, 10];

        var calls = EmbeddingBatchPlanner.Plan(lengths, maxBatchSize: 32, maxBatchTokens: 1_536);

        Assert.Equal(2, calls.Count);
        Assert.Equal([0, 2, 3, 4, 5, 6], calls[0].Order());
        Assert.Equal([1], calls[1]);
    }

    [Fact]
    public void Texts_of_nearly_the_same_length_are_not_split_for_a_word_piece_or_two()
    {
        int[] lengths = [20, 21, 22, 22, 21, 20];

        var calls = EmbeddingBatchPlanner.Plan(lengths, maxBatchSize: 32, maxBatchTokens: 1_536);

        Assert.Single(calls);
    }

    [Fact]
    public void A_call_never_holds_more_padded_word_pieces_than_allowed()
    {
        var lengths = Enumerable.Repeat(128, 40).ToArray();

        var calls = EmbeddingBatchPlanner.Plan(lengths, maxBatchSize: 32, maxBatchTokens: 1_536);

        Assert.All(calls, call => Assert.True(call.Length * 128 <= 1_536));
        Assert.Equal(40, calls.Sum(call => call.Length));
    }

    [Fact]
    public void Nothing_waiting_makes_no_call()
    {
        Assert.Empty(EmbeddingBatchPlanner.Plan([], maxBatchSize: 32, maxBatchTokens: 1_536));
    }
}

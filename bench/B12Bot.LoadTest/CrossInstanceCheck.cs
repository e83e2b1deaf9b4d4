namespace B12Bot.LoadTest;

/// <summary>
/// Before a run over several instances: does a conversation started on the first instance continue on the second?
/// Direct Line keeps a conversation on the instance that started it until its history is in the shared store; the
/// run is skipped with a note rather than measured as a wall of errors.
/// </summary>
internal static class CrossInstanceCheck
{
    public static async Task<bool> ConversationsMoveAsync(HttpClient[] instances, BotChannel channel)
    {
        if (instances.Length < 2)
        {
            return true;
        }

        try
        {
            var conversation = await channel.StartAsync(instances[0], 0, CancellationToken.None).ConfigureAwait(false);
            return await channel.SendAsync(instances[0], conversation, "hello", CancellationToken.None).ConfigureAwait(false) is not null
                && await channel.SendAsync(instances[1], conversation, "hello", CancellationToken.None).ConfigureAwait(false) is not null;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

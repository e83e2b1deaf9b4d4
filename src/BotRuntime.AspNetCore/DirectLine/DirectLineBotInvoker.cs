using System.Security.Claims;
using BotRuntime.Builder;
using BotRuntime.Schema;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Runs one turn of the in-process bot through the same adapter, middleware and error handler as /api/messages, as
/// <c>expectReplies</c>, and hands the replies back as the objects the bot sent (nothing goes through the Bot
/// Connector, nothing is serialised). The bot is the singleton <see cref="IBot"/>.
/// </summary>
public sealed class DirectLineBotInvoker(BotHttpAdapter adapter, IBot bot)
{
    public const string AuthenticationType = "DirectLine";

    /// <summary>The replies the bot produced for <paramref name="activity"/>. Throws when the turn failed beyond the error handler.</summary>
    public Task<IReadOnlyList<Activity>> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var identity = new ClaimsIdentity([new Claim("channel", activity.ChannelId ?? string.Empty)], AuthenticationType);
        return adapter.ProcessActivityForRepliesAsync(identity, activity, bot.OnTurnAsync, cancellationToken);
    }
}

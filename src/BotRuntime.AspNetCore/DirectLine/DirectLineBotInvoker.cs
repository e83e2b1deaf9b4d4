using System.Security.Claims;
using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// Runs one turn of the in-process bot through the same adapter, middleware and error handler as /api/messages,
/// asking for <c>expectReplies</c> so the replies come back in the answer instead of through the Bot Connector.
/// </summary>
public sealed class DirectLineBotInvoker(BotHttpAdapter adapter, IServiceScopeFactory scopeFactory)
{
    public const string AuthenticationType = "DirectLine";

    /// <summary>The replies the bot produced for <paramref name="activity"/>. Throws when the turn failed beyond the error handler.</summary>
    public async Task<IReadOnlyList<Activity>> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.DeliveryMode = DeliveryModes.ExpectReplies;

        // A scope per turn: the turn may outlive the HTTP request that started it.
        await using var scope = scopeFactory.CreateAsyncScope();
        var bot = scope.ServiceProvider.GetRequiredService<IBot>();
        var identity = new ClaimsIdentity([new Claim("channel", activity.ChannelId ?? string.Empty)], AuthenticationType);
        var response = await adapter.ProcessActivityAsync(identity, activity, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);

        if (response is { Status: 200, Body: { ValueKind: JsonValueKind.Object } body })
        {
            return body.Deserialize(BotJsonContext.Default.ExpectedReplies)?.Activities ?? [];
        }

        return [];
    }
}

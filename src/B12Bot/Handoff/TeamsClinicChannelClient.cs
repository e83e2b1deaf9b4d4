using System.Text.Json;
using System.Text.Json.Nodes;
using B12Bot.Conversation.Handoff;
using BotRuntime.AspNetCore.Connector;
using BotRuntime.Schema;

namespace B12Bot.Handoff;

/// <summary>
/// Posts into the clinic's Teams channel through the Bot Connector at the serviceUrl learned at installation (it must
/// be an allowed host: AllowedServiceUrlHosts). A new thread is a create-conversation call with channelData.channel.
/// </summary>
public sealed class TeamsClinicChannelClient(BotConnectorClient connector) : IClinicChannelClient
{
    public async Task<(string ThreadId, string? ActivityId)> StartThreadAsync(ClinicChannel channel, string channelId, Activity firstMessage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(firstMessage);
        firstMessage.ChannelId = Channels.Msteams;
        firstMessage.From = new ChannelAccount(channel.BotId, channel.BotName);
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = new ChannelAccount(channel.BotId, channel.BotName),
            TenantId = channel.TenantId,
            Activity = firstMessage,
            ChannelData = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["tenant"] = new JsonObject { ["id"] = channel.TenantId },
            }),
        };
        var created = await connector.CreateConversationAsync(channel.ServiceUrl, parameters, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(created.Id))
        {
            throw new InvalidOperationException("The Bot Connector created the thread but returned no conversation id.");
        }

        return (created.Id, created.ActivityId);
    }

    public Task PostAsync(ClinicChannel channel, string threadId, Activity message, CancellationToken cancellationToken) =>
        connector.SendAsync(Address(channel, threadId, message), cancellationToken);

    public Task UpdateAsync(ClinicChannel channel, string threadId, string activityId, Activity message, CancellationToken cancellationToken)
    {
        var addressed = Address(channel, threadId, message);
        addressed.Id = activityId;
        return connector.UpdateAsync(addressed, cancellationToken);
    }

    private static Activity Address(ClinicChannel channel, string threadId, Activity message)
    {
        message.ChannelId = Channels.Msteams;
        message.ServiceUrl = channel.ServiceUrl;
        message.Conversation = new ConversationAccount(threadId, isGroup: true, conversationType: "channel") { TenantId = channel.TenantId };
        message.From = new ChannelAccount(channel.BotId, channel.BotName);
        return message;
    }
}

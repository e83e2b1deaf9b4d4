using System.Text.Json;
using BotRuntime.Schema;

namespace BotRuntime.Teams;

/// <summary>Reads the Teams-specific parts of an activity (channelData, conversation type, mentions).</summary>
public static class TeamsActivityExtensions
{
    public static bool IsTeams(this Activity activity) =>
        string.Equals(activity.ChannelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Teams conversation type (personal, groupChat, channel), or null when the activity has none.</summary>
    public static string? GetTeamsConversationType(this Activity activity) => activity.Conversation?.ConversationType;

    /// <summary>
    /// True for a Teams 1:1 chat. A Teams conversation without a type is treated as personal only when it is not marked
    /// as a group, which is how older clients and the Emulator address 1:1 chats.
    /// </summary>
    public static bool IsTeamsPersonalConversation(this Activity activity) =>
        activity.GetTeamsConversationType() is { } type
            ? string.Equals(type, TeamsConversationTypes.Personal, StringComparison.OrdinalIgnoreCase)
            : activity.Conversation?.IsGroup != true;

    /// <summary>True in a group chat or a team channel (where the bot only hears messages that @mention it).</summary>
    public static bool IsTeamsGroupConversation(this Activity activity) =>
        activity.GetTeamsConversationType() is { } type
            ? string.Equals(type, TeamsConversationTypes.GroupChat, StringComparison.OrdinalIgnoreCase)
              || string.Equals(type, TeamsConversationTypes.Channel, StringComparison.OrdinalIgnoreCase)
            : activity.Conversation?.IsGroup == true;

    /// <summary><c>channelData.tenant.id</c>, the tenant Teams documents for every context; null when absent.</summary>
    public static string? GetChannelDataTenantId(this Activity activity)
    {
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData
            || !channelData.TryGetProperty("tenant", out var tenant) || tenant.ValueKind != JsonValueKind.Object
            || !tenant.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return id.GetString() is { Length: > 0 } value ? value : null;
    }

    /// <summary>The Teams tenant id: channelData.tenant.id, falling back to conversation.tenantId.</summary>
    public static string? GetTeamsTenantId(this Activity activity) =>
        activity.GetChannelDataTenantId() ?? (activity.Conversation?.TenantId is { Length: > 0 } tenantId ? tenantId : null);

    /// <summary>The mention entities (type "mention") of the activity, with the mentioned account and the mention text.</summary>
    public static IEnumerable<TeamsMention> GetMentions(this Activity activity)
    {
        if (activity.Entities is not { Count: > 0 } entities)
        {
            yield break;
        }

        foreach (var entity in entities)
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Properties is null
                || !entity.Properties.TryGetValue("mentioned", out var mentioned) || mentioned.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var id = mentioned.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String ? idElement.GetString() : null;
            var name = mentioned.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String ? nameElement.GetString() : null;
            yield return new TeamsMention(id, name, entity.GetString("text"));
        }
    }

    /// <summary>True when a mention entity names the activity's recipient (the bot).</summary>
    public static bool IsRecipientMentioned(this Activity activity) =>
        activity.Recipient?.Id is { Length: > 0 } botId
        && activity.GetMentions().Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Removes the bot's own @mention markup from <see cref="Activity.Text"/>, as the SDK's RemoveRecipientMention does:
    /// for each mention entity naming the recipient, every occurrence of its text (or "&lt;at&gt;name&lt;/at&gt;" when it has
    /// none) is deleted, case-insensitively; other users' mentions stay. Teams' non-breaking spaces around the mention
    /// are turned into spaces and the result is trimmed. Returns the new text.
    /// </summary>
    public static string? RemoveRecipientMention(this Activity activity)
    {
        if (activity.Text is not { Length: > 0 } text || activity.Recipient?.Id is not { Length: > 0 } botId)
        {
            return activity.Text;
        }

        var removed = false;
        foreach (var mention in activity.GetMentions())
        {
            if (!string.Equals(mention.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var markup = string.IsNullOrEmpty(mention.Text) ? $"<at>{mention.Name}</at>" : mention.Text;
            if (text.Contains(markup, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(markup, string.Empty, StringComparison.OrdinalIgnoreCase);
                removed = true;
            }
        }

        if (removed)
        {
            text = text.Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase).Replace('\u00A0', ' ').Trim();
            activity.Text = text;
        }

        return activity.Text;
    }
}

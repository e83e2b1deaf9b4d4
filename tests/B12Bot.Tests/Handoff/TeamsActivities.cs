using System.Text.Json;
using System.Text.Json.Nodes;
using BotRuntime.Schema;

namespace B12Bot.Tests.Handoff;

/// <summary>Activities shaped as Teams sends them to the bot for the clinic's team (see shared docs teams.md).</summary>
public static class TeamsActivities
{
    public const string TenantId = "6a1f1c1e-2b3c-4d5e-8f90-0123456789ab";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string ClinicChannelId = "19:clinic-handoff@thread.tacv2";
    public const string BotId = "28:b12bot-app-id";
    public const string BotName = "B12 assistant";

    public static Activity Install(Uri serviceUrl) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = "f:install-1",
        ChannelId = Channels.Msteams,
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount("29:admin", "Clinic Admin") { AadObjectId = "00000000-0000-0000-0000-0000000000aa" },
        Recipient = new ChannelAccount(BotId, BotName),
        Conversation = new ConversationAccount(TeamId, isGroup: true, conversationType: "channel") { TenantId = TenantId },
        MembersAdded = [new ChannelAccount(BotId)],
        ChannelData = Json(new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Clinic" },
            ["channel"] = new JsonObject { ["id"] = TeamId, ["name"] = "General" },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        }),
    };

    /// <summary>Action.Submit pressed on the card: a message with the submitted data as value, replying to the card.</summary>
    public static Activity Submit(Uri serviceUrl, string threadId, string cardId, JsonObject data, string staffName = "Anna Smith") =>
        InThread(serviceUrl, threadId, staffName, null, value: Json(data), replyToId: cardId);

    /// <summary>Action.Execute pressed on the card: invoke adaptiveCard/action.</summary>
    public static Activity Execute(Uri serviceUrl, string threadId, string cardId, string verb, string sessionId, string staffName)
    {
        var activity = InThread(serviceUrl, threadId, staffName, null, value: Json(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = new JsonObject { ["sessionId"] = sessionId } },
            ["trigger"] = "manual",
        }), replyToId: cardId);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = "adaptiveCard/action";
        return activity;
    }

    /// <summary>A staff message in the thread: it must @mention the bot, so the text starts with the mention markup.</summary>
    public static Activity StaffMessage(Uri serviceUrl, string threadId, string text, string staffName = "Anna Smith")
    {
        var activity = InThread(serviceUrl, threadId, staffName, $"<at>{BotName}</at> {text}\n", value: null, replyToId: null);
        activity.Entities =
        [
            new Entity
            {
                Type = "mention",
                Properties = new Dictionary<string, JsonElement>
                {
                    ["mentioned"] = Json(new JsonObject { ["id"] = BotId, ["name"] = BotName }),
                    ["text"] = Json(JsonValue.Create($"<at>{BotName}</at>")),
                },
            },
        ];
        return activity;
    }

    private static Activity InThread(Uri serviceUrl, string threadId, string staffName, string? text, JsonElement? value, string? replyToId) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1669" + Random.Shared.Next(100000, 999999),
        ChannelId = Channels.Msteams,
        ServiceUrl = serviceUrl.ToString(),
        From = new ChannelAccount("29:staff-" + staffName.Replace(' ', '-'), staffName) { AadObjectId = "00000000-0000-0000-0000-0000000000bb" },
        Recipient = new ChannelAccount(BotId, BotName),
        Conversation = new ConversationAccount(threadId, isGroup: true, conversationType: "channel") { TenantId = TenantId },
        Text = text,
        TextFormat = "plain",
        Value = value,
        ReplyToId = replyToId,
        ChannelData = Json(new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = TeamId },
            ["channel"] = new JsonObject { ["id"] = ClinicChannelId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
        }),
    };

    private static JsonElement Json(JsonNode node) => JsonSerializer.SerializeToElement(node);
}

namespace B12Bot.Teams.Tests.Harness;

/// <summary>
/// The mock Microsoft 365 tenant of the end-to-end tests, exactly as playground/.m365agentsplayground.yml declares it
/// (the harness checks the two agree when the playground starts): the clinic's tenant, the bot, the signed-in user and
/// the fixed ids of the personal chat, the group chat and the team's channels.
/// </summary>
public static class ClinicTenant
{
    public const string TenantId = "3f2b8c1e-7a4d-4e9b-9c6f-1d2e3f4a5b6c";

    /// <summary>A tenant the bot must refuse (any well-formed GUID other than the clinic's).</summary>
    public const string ForeignTenantId = "9d4c2b7a-5e1f-4a3b-8c6d-7e8f9a0b1c2d";

    /// <summary>The bot's Microsoft App ID; Teams addresses the bot as "28:" + app id.</summary>
    public const string MicrosoftAppId = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    public const string BotId = "28:" + MicrosoftAppId;

    public const string BotName = "B12 Clinic Bot";

    /// <summary>The signed-in user of the playground (Alex); the other five users are members of the group chat and team.</summary>
    public const string CurrentUserId = "29:clinic-user-alex";

    public const string CurrentUserName = "Alex Wilber";

    public const string PersonalChatId = "a:b12bot-e2e-personal-chat";

    public const string GroupChatId = "19:b12bot-e2e-group-chat@thread.v2";

    /// <summary>The team's id, which is also the id of its General channel.</summary>
    public const string TeamId = "19:b12bot-e2e-general@thread.tacv2";

    public const string InjectionsChannelId = "19:b12bot-e2e-injections@thread.tacv2";

    public static readonly IReadOnlyList<string> OtherUserIds =
    [
        "29:clinic-user-megan",
        "29:clinic-user-adele",
        "29:clinic-user-isaiah",
        "29:clinic-user-patti",
        "29:clinic-user-lynne",
    ];

    /// <summary>The mention markup Teams puts in the text when a user @mentions the bot.</summary>
    public static string BotMentionText => $"<at>{BotName}</at>";
}

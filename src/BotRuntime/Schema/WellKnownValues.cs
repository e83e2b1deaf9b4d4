namespace BotRuntime.Schema;

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string ContactRelationUpdate = "contactRelationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string InstallationUpdate = "installationUpdate";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
    public const string Suggestion = "suggestion";
    public const string Trace = "trace";
    public const string Handoff = "handoff";
    public const string DeleteUserData = "deleteUserData";
    public const string Command = "command";
    public const string CommandResult = "commandResult";

    /// <summary>SDK-internal: never on the wire. The value is the InvokeResponse.</summary>
    public const string InvokeResponse = "invokeResponse";

    /// <summary>SDK-internal: never on the wire. The value is a delay in milliseconds.</summary>
    public const string Delay = "delay";
}

/// <summary>The SDK's input hint strings (the spec text says accepting/expecting/ignoring; channels use these).</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}

public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

public static class ActivityImportance
{
    public const string Low = "low";
    public const string Normal = "normal";
    public const string High = "high";
}

public static class TextFormatTypes
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}

public static class ActionTypes
{
    public const string OpenUrl = "openUrl";
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string PlayAudio = "playAudio";
    public const string PlayVideo = "playVideo";
    public const string ShowImage = "showImage";
    public const string DownloadFile = "downloadFile";
    public const string Signin = "signin";
    public const string Call = "call";
}

public static class EndOfConversationCodes
{
    public const string Unknown = "unknown";
    public const string CompletedSuccessfully = "completedSuccessfully";
    public const string UserCancelled = "userCancelled";
    public const string BotTimedOut = "botTimedOut";
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    public const string ChannelFailed = "channelFailed";
}

public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Skill = "skill";
}

public static class AttachmentLayoutTypes
{
    public const string List = "list";
    public const string Carousel = "carousel";
}

public static class Channels
{
    public const string Emulator = "emulator";
    public const string Directline = "directline";
    public const string Webchat = "webchat";
    public const string Msteams = "msteams";
    public const string Test = "test";
    public const string DirectlineSpeech = "directlinespeech";
    public const string Slack = "slack";
    public const string Telegram = "telegram";
    public const string Facebook = "facebook";
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Omnichannel = "omnichannel";
    public const string M365Extensions = "m365extensions";
}

public static class CallerIdConstants
{
    public const string PublicAzureChannel = "urn:botframework:azure";
    public const string USGovChannel = "urn:botframework:azureusgov";
    public const string BotToBotPrefix = "urn:botframework:aadappid:";
}

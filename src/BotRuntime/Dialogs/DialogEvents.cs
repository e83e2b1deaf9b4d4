namespace BotRuntime.Dialogs;

/// <summary>Names of the events the dialog system raises.</summary>
public static class DialogEvents
{
    public const string BeginDialog = "beginDialog";
    public const string RepromptDialog = "repromptDialog";
    public const string CancelDialog = "cancelDialog";
    public const string ActivityReceived = "activityReceived";
    public const string Error = "error";
}

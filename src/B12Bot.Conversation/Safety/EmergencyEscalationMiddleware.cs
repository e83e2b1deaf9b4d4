using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using BotRuntime.Builder;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using BotRuntime.State;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// Screens every incoming message (its text and any card submit values) before any dialog runs. On a possible
/// emergency it sends the urgent-care message, the only activity the bot ever sends with importance "high" (in Teams
/// also with a notification alert), stops any running walkthrough by clearing the dialog stack, and ends the turn.
/// </summary>
public sealed partial class EmergencyEscalationMiddleware : IMiddleware
{
    private const int MaxValueStrings = 64;
    private const int MaxValueDepth = 6;

    private readonly EmergencyDetector _detector;
    private readonly B12Content _content;
    private readonly ConversationState _conversationState;
    private readonly IStatePropertyAccessor<DialogState> _dialogState;
    private readonly ILogger<EmergencyEscalationMiddleware> _logger;

    public EmergencyEscalationMiddleware(EmergencyDetector detector, B12Content content, ConversationState conversationState, ILogger<EmergencyEscalationMiddleware> logger)
    {
        _detector = detector ?? throw new ArgumentNullException(nameof(detector));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _conversationState = conversationState ?? throw new ArgumentNullException(nameof(conversationState));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _dialogState = conversationState.CreateProperty<DialogState>(B12StateKeys.DialogState);
    }

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if ((activity.IsType(ActivityTypes.Message) || activity.IsType(ActivityTypes.Invoke)) && Screen(activity) is { IsEmergency: true } result)
        {
            // The sign's id only: the message itself is health data and stays out of logs.
            LogEscalated(_logger, result.SignId ?? "unknown");
            await turnContext.SendActivityAsync(CreateUrgentMessage(activity.ChannelId), cancellationToken).ConfigureAwait(false);
            await _dialogState.DeleteAsync(turnContext, cancellationToken).ConfigureAwait(false);
            await _conversationState.SaveChangesAsync(turnContext, cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await next(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The urgent-care message: Markdown, importance high, and on Teams a notification alert.</summary>
    public Activity CreateUrgentMessage(string? channelId)
    {
        var message = Replies.Message(_content.Safety.UrgentMessage);
        message.Importance = ActivityImportance.High;
        if (string.Equals(channelId, Channels.Msteams, StringComparison.OrdinalIgnoreCase))
        {
            message.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, Dictionary<string, bool>>
            {
                ["notification"] = new() { ["alert"] = true },
            }, SafetyJsonContext.Default.DictionaryStringDictionaryStringBoolean);
        }

        return message;
    }

    private EmergencyScreenResult Screen(Activity activity)
    {
        var result = _detector.Detect(activity.Text);
        if (result.IsEmergency || activity.Value is not { } value)
        {
            return result;
        }

        var strings = new List<string>();
        CollectStrings(value, strings, 0);
        foreach (var text in strings)
        {
            result = _detector.Detect(text);
            if (result.IsEmergency)
            {
                return result;
            }
        }

        return EmergencyScreenResult.None;
    }

    /// <summary>Every string in a card submit value (bounded, so a hostile payload cannot make the screen slow).</summary>
    private static void CollectStrings(JsonElement element, List<string> strings, int depth)
    {
        if (strings.Count >= MaxValueStrings || depth > MaxValueDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                strings.Add(element.GetString() ?? "");
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, strings, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, strings, depth + 1);
                }

                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Possible emergency (sign {SignId}): urgent-care message sent and dialogs stopped.")]
    private static partial void LogEscalated(ILogger logger, string signId);
}

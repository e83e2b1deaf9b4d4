using System.Text.Json;
using BotRuntime.Builder;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BotRuntime.Teams;

/// <summary>
/// Turns a pressed Adaptive Card button whose data is <c>{"msteams":{"type":"imBack","value":X}}</c> into the user
/// saying X. Real Teams already delivers such a press as a message with text X; the Microsoft 365 Agents Playground
/// delivers it as a submit (empty text, the data in <c>value</c>), so without this the bot would hear nothing. Only
/// Teams messages without text are changed; the value stays, so the message is still known to be a card action (the
/// mention filter lets card actions through in group chats and channels).
/// </summary>
public sealed partial class TeamsImBackSubmitMiddleware(ILogger<TeamsImBackSubmitMiddleware>? logger = null) : IMiddleware
{
    private readonly ILogger _logger = logger ?? NullLogger<TeamsImBackSubmitMiddleware>.Instance;

    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.IsTeams() && string.IsNullOrWhiteSpace(activity.Text)
            && ImBackText(activity.Value) is { } said)
        {
            activity.Text = said;
            // The text is health data: log only that a button was pressed.
            LogConverted();
        }

        return next(cancellationToken);
    }

    /// <summary>X of a <c>{"msteams":{"type":"imBack","value":X}}</c> submit value; null for any other value.</summary>
    internal static string? ImBackText(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } data
            || !data.TryGetProperty("msteams", out var msteams) || msteams.ValueKind != JsonValueKind.Object
            || !msteams.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !string.Equals(type.GetString(), ActionTypes.ImBack, StringComparison.OrdinalIgnoreCase)
            || !msteams.TryGetProperty("value", out var said) || said.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return said.GetString() is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "A Teams card imBack submit was delivered as the user's message text")]
    private partial void LogConverted();
}

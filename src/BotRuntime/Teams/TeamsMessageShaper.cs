using System.Buffers;
using System.Text.Json;
using BotRuntime.Schema;

namespace BotRuntime.Teams;

/// <summary>
/// Adapts outgoing messages to what Teams renders and accepts:
/// <list type="bullet">
/// <item>Suggested actions stay only in personal chats, as at most 3 imBack buttons on a message without attachments;
/// anywhere else (group chat, channel, more than 3 choices, a link, or a message with cards) they become buttons on an
/// Adaptive Card (Action.Submit with <c>msteams</c> imBack data, Action.OpenUrl for links) sent after the text, so no
/// choice the bot offered is lost.</item>
/// <item>A message with importance "high" (the urgent-care message) also sets Teams' notification alert
/// (channelData.notification.alert = true).</item>
/// <item>A message over <see cref="TeamsMessageShaperOptions.MaxPayloadChars"/> is split at paragraph, line, sentence or
/// word boundaries into several messages (cards and suggestions go on the last one); beyond
/// <see cref="TeamsMessageShaperOptions.MaxPartsPerMessage"/> parts the text is shortened with a notice.</item>
/// </list>
/// Activities are changed in place in the list (new objects replace shared ones, so the bot's own activities and
/// content are never mutated). Only messages on the msteams channel are touched.
/// </summary>
public sealed class TeamsMessageShaper(TeamsMessageShaperOptions? options = null)
{
    /// <summary>Content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>Teams renders bot-sent Adaptive Cards up to schema 1.5.</summary>
    public const string AdaptiveCardVersion = "1.5";

    private const string AdaptiveCardSchema = "http://adaptivecards.io/schemas/adaptive-card.json";

    private readonly TeamsMessageShaperOptions _options = options ?? new TeamsMessageShaperOptions();

    /// <summary>
    /// Shapes <paramref name="activities"/> in place. Returns null when the list kept its length; otherwise, for each
    /// activity now in the list, the index of the original activity it came from (to map send responses back).
    /// </summary>
    public int[]? Shape(List<Activity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        List<Activity>? shaped = null;
        List<int>? origins = null;
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            IReadOnlyList<Activity> parts = activity.IsType(ActivityTypes.Message) && activity.IsTeams() ? ShapeMessage(activity) : [activity];
            if (parts.Count != 1 && shaped is null)
            {
                shaped = new List<Activity>(activities.Count + parts.Count);
                origins = new List<int>(activities.Count + parts.Count);
                for (var j = 0; j < i; j++)
                {
                    shaped.Add(activities[j]);
                    origins.Add(j);
                }
            }

            if (shaped is not null)
            {
                foreach (var part in parts)
                {
                    shaped.Add(part);
                    origins!.Add(i);
                }
            }
            else
            {
                activities[i] = parts[0];
            }
        }

        if (shaped is null)
        {
            return null;
        }

        activities.Clear();
        activities.AddRange(shaped);
        return origins!.ToArray();
    }

    /// <summary>Shapes one outgoing Teams message; returns the message(s) to send in its place.</summary>
    public IReadOnlyList<Activity> ShapeMessage(Activity message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var activity = message.Clone();
        var choicesCard = PlaceSuggestedActions(activity);

        // With nothing else to show, the buttons ride on the message itself.
        if (choicesCard is not null && string.IsNullOrEmpty(activity.Text) && activity.Attachments is not { Count: > 0 })
        {
            activity.Attachments = [choicesCard];
            choicesCard = null;
        }

        var parts = FitToSize(activity);
        if (string.Equals(message.Importance, ActivityImportance.High, StringComparison.OrdinalIgnoreCase))
        {
            // Alert once, on the first part.
            parts[0].ChannelData = WithNotificationAlert(parts[0].ChannelData);
        }

        if (choicesCard is not null)
        {
            // Text and a card in one activity make Teams split the message anyway; send the card as its own message.
            var card = activity.Clone();
            card.Text = null;
            card.Speak = null;
            card.TextFormat = null;
            card.Summary = null;
            card.Entities = null;
            card.ChannelData = null;
            card.Importance = null;
            card.SuggestedActions = null;
            card.Attachments = [choicesCard];
            card.AttachmentLayout = null;
            parts.Add(card);
        }

        return parts;
    }

    /// <summary>
    /// Keeps suggested actions that Teams can show (personal chat, ≤ max, imBack, no attachments) or removes them and
    /// returns the Adaptive Card that carries them instead.
    /// </summary>
    private Attachment? PlaceSuggestedActions(Activity activity)
    {
        if (activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return null;
        }

        if (activity.IsTeamsPersonalConversation() && actions.Count <= _options.MaxSuggestedActions && activity.Attachments is not { Count: > 0 })
        {
            var imBacks = new List<CardAction>(actions.Count);
            foreach (var action in actions)
            {
                if (ToImBack(action) is not { } imBack)
                {
                    imBacks = null;
                    break;
                }

                imBacks.Add(imBack);
            }

            if (imBacks is not null)
            {
                activity.SuggestedActions = new SuggestedActions { To = activity.SuggestedActions.To, Actions = imBacks };
                return null;
            }
        }

        activity.SuggestedActions = null;
        return ChoicesCard(actions, _options.MaxCardButtons);
    }

    /// <summary>
    /// An Adaptive Card (v1.5, the newest Teams renders) with one button per choice, at most <paramref name="maxButtons"/>:
    /// Action.Submit whose data is <c>msteams.imBack</c>, which Teams turns into the user saying the choice (the Agents
    /// Playground does not run hero card imBack buttons, but does run these), and Action.OpenUrl for links. Null when
    /// no choice can be a button.
    /// </summary>
    internal static Attachment? ChoicesCard(IReadOnlyList<CardAction> actions, int maxButtons)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        var buttons = 0;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "AdaptiveCard");
            writer.WriteString("$schema", AdaptiveCardSchema);
            writer.WriteString("version", AdaptiveCardVersion);
            writer.WriteStartArray("actions");
            foreach (var action in actions)
            {
                if (buttons == maxButtons)
                {
                    break;
                }

                if (string.Equals(action.Type, ActionTypes.OpenUrl, StringComparison.OrdinalIgnoreCase))
                {
                    if (action.Value is not { ValueKind: JsonValueKind.String } url || string.IsNullOrEmpty(url.GetString()))
                    {
                        continue;
                    }

                    writer.WriteStartObject();
                    writer.WriteString("type", "Action.OpenUrl");
                    writer.WriteString("title", string.IsNullOrEmpty(action.Title) ? url.GetString() : action.Title);
                    writer.WriteString("url", url.GetString());
                    writer.WriteEndObject();
                    buttons++;
                    continue;
                }

                if (ToImBack(action) is not { } imBack)
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("type", "Action.Submit");
                writer.WriteString("title", imBack.Title);
                writer.WriteStartObject("data");
                writer.WriteStartObject("msteams");
                writer.WriteString("type", ActionTypes.ImBack);
                writer.WritePropertyName("value");
                imBack.Value!.Value.WriteTo(writer);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                buttons++;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (buttons == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new Attachment { ContentType = AdaptiveCardContentType, Content = document.RootElement.Clone() };
    }

    /// <summary>The action as an imBack (the text the user "says" when pressing it); null when it has nothing to say.</summary>
    private static CardAction? ToImBack(CardAction action)
    {
        if (string.Equals(action.Type, ActionTypes.OpenUrl, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (string.Equals(action.Type, ActionTypes.ImBack, StringComparison.OrdinalIgnoreCase)
            && action.Value is { ValueKind: JsonValueKind.String } said && !string.IsNullOrEmpty(said.GetString()))
        {
            return string.IsNullOrEmpty(action.Title) ? new CardAction(ActionTypes.ImBack, said.GetString()!, said.GetString()) : action;
        }

        var value = action.Value is { ValueKind: JsonValueKind.String } v && v.GetString() is { Length: > 0 } s ? s
            : !string.IsNullOrEmpty(action.Text) ? action.Text
            : action.Title;
        return string.IsNullOrEmpty(value) ? null : new CardAction(ActionTypes.ImBack, string.IsNullOrEmpty(action.Title) ? value : action.Title, value);
    }

    private List<Activity> FitToSize(Activity activity)
    {
        if (MeasureJsonChars(activity) <= _options.MaxPayloadChars)
        {
            return [activity];
        }

        var text = activity.Text ?? string.Empty;
        var withoutText = activity.Clone();
        withoutText.Text = string.Empty;
        withoutText.Speak = null;
        var baseSize = MeasureJsonChars(withoutText);
        if (baseSize > _options.MaxPayloadChars / 2)
        {
            // The cards alone are too large for Teams: say so instead of sending something Teams refuses.
            activity.Attachments = null;
            withoutText.Attachments = null;
            text = text.Length == 0 ? _options.OversizedAttachmentNotice : text + "\n\n" + _options.OversizedAttachmentNotice;
            baseSize = MeasureJsonChars(withoutText);
        }

        // Leave a little room for the quotes and for ids the connector adds.
        var budget = Math.Max(_options.MaxPayloadChars - baseSize - 64, 256);
        var chunks = SplitText(text, budget);
        if (chunks.Count > _options.MaxPartsPerMessage)
        {
            chunks.RemoveRange(_options.MaxPartsPerMessage, chunks.Count - _options.MaxPartsPerMessage);
            var notice = _options.TruncationNotice;
            var last = chunks[^1];
            chunks[^1] = Cut(last, budget - JsonEscapedLength(notice)).TrimEnd() + notice;
        }

        var parts = new List<Activity>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            var part = activity.Clone();
            part.Text = chunks[i];
            if (i > 0)
            {
                part.Speak = null;
            }

            if (i < chunks.Count - 1)
            {
                // Cards and suggestions belong after the whole text.
                part.Attachments = null;
                part.SuggestedActions = null;
            }

            parts.Add(part);
        }

        return parts;
    }

    /// <summary>Splits text into chunks whose JSON-escaped length fits the budget, preferring natural breaks.</summary>
    internal static List<string> SplitText(string text, int budget)
    {
        var chunks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var hardEnd = start;
            var used = 0;
            while (hardEnd < text.Length)
            {
                var width = char.IsHighSurrogate(text[hardEnd]) && hardEnd + 1 < text.Length ? 2 : 1;
                var cost = JsonEscapedLength(text.AsSpan(hardEnd, width));
                if (used + cost > budget)
                {
                    break;
                }

                used += cost;
                hardEnd += width;
            }

            var end = hardEnd;
            if (hardEnd < text.Length)
            {
                var window = text.AsSpan(start, hardEnd - start);
                var minimum = window.Length / 2;
                foreach (var separator in (ReadOnlySpan<string>)["\n\n", "\n", ". ", " "])
                {
                    var at = window.LastIndexOf(separator.AsSpan(), StringComparison.Ordinal);
                    if (at >= minimum)
                    {
                        end = start + at + separator.Length;
                        break;
                    }
                }
            }

            var chunk = text[start..end].Trim();
            if (chunk.Length > 0)
            {
                chunks.Add(chunk);
            }

            start = end;
        }

        return chunks;
    }

    private static string Cut(string text, int budget)
    {
        var end = 0;
        var used = 0;
        while (end < text.Length)
        {
            var width = char.IsHighSurrogate(text[end]) && end + 1 < text.Length ? 2 : 1;
            var cost = JsonEscapedLength(text.AsSpan(end, width));
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            end += width;
        }

        return text[..end];
    }

    /// <summary>Characters a string takes inside a JSON string literal written by System.Text.Json's default encoder (an upper bound).</summary>
    internal static int JsonEscapedLength(ReadOnlySpan<char> text)
    {
        var length = 0;
        foreach (var c in text)
        {
            length += c switch
            {
                '\n' or '\r' or '\t' or '\\' => 2,
                '"' or '<' or '>' or '&' or '\'' or '+' or '`' => 6,
                >= ' ' and < (char)0x7F => 1,
                _ => 6,
            };
        }

        return length;
    }

    /// <summary>The serialized size of the activity in JSON characters (the default encoder writes only ASCII).</summary>
    public static int MeasureJsonChars(Activity activity) =>
        JsonSerializer.SerializeToUtf8Bytes(activity, BotJsonContext.Default.Activity).Length;

    /// <summary>channelData with notification.alert = true, keeping every other member.</summary>
    internal static JsonElement WithNotificationAlert(JsonElement? channelData)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            JsonElement? notification = null;
            if (channelData is { ValueKind: JsonValueKind.Object } existing)
            {
                foreach (var property in existing.EnumerateObject())
                {
                    if (property.NameEquals("notification"))
                    {
                        notification = property.Value;
                        continue;
                    }

                    property.WriteTo(writer);
                }
            }

            writer.WriteStartObject("notification");
            if (notification is { ValueKind: JsonValueKind.Object } existingNotification)
            {
                foreach (var property in existingNotification.EnumerateObject())
                {
                    if (!property.NameEquals("alert"))
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteBoolean("alert", true);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

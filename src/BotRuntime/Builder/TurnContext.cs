using System.Collections.Concurrent;
using System.Globalization;
using BotRuntime.Schema;

namespace BotRuntime.Builder;

/// <summary>The runtime's <see cref="ITurnContext"/>: addresses replies, runs send hooks, buffers for expectReplies.</summary>
public sealed class TurnContext : ITurnContext, IDisposable
{
    private readonly List<SendActivitiesHandler> _onSend = [];
    private readonly List<UpdateActivityHandler> _onUpdate = [];
    private readonly List<DeleteActivityHandler> _onDelete = [];
    private bool _responded;

    public TurnContext(BotAdapter adapter, Activity activity)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        Activity = activity ?? throw new ArgumentNullException(nameof(activity));
        Locale = activity.Locale;
    }

    public BotAdapter Adapter { get; }

    public TurnContextStateCollection TurnState { get; } = [];

    public Activity Activity { get; }

    public bool Responded => _responded;

    /// <summary>
    /// Replies held back until the turn's state is saved (<see cref="State.AutoSaveStateMiddleware"/>). They are held at
    /// the last step, after every send hook has run, so a hook that records something in state does so before the save.
    /// </summary>
    private List<(List<Activity> Activities, CancellationToken CancellationToken)>? _held;

    internal void HoldReplies() => _held ??= [];

    /// <summary>Forgets the held replies of a run whose save lost: the turn runs again, unresponded.</summary>
    internal void DiscardHeldReplies()
    {
        _held?.Clear();
        _responded = false;
    }

    /// <summary>Sends the held replies in order; from then on replies go straight out.</summary>
    internal async Task ReleaseHeldRepliesAsync()
    {
        var held = _held;
        _held = null;
        foreach (var (activities, cancellationToken) in held ?? [])
        {
            await SendThroughAdapterAsync(activities, cancellationToken).ConfigureAwait(false);
        }
    }

    public string? Locale { get; set; }

    public List<Activity> BufferedReplyActivities { get; } = [];

    public bool IsExpectingReplies => string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    public Task<ResourceResponse?> SendActivityAsync(string textReplyToSend, string? speak = null, string inputHint = InputHints.AcceptingInput, CancellationToken cancellationToken = default)
    {
        var activity = Schema.Activity.CreateMessageActivity(textReplyToSend);
        activity.Speak = speak;
        activity.InputHint = inputHint;
        return SendActivityAsync(activity, cancellationToken);
    }

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var responses = await SendActivitiesAsync([activity], cancellationToken).ConfigureAwait(false);
        return responses.Length > 0 ? responses[0] : null;
    }

    public Task<ResourceResponse[]> SendActivitiesAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return Task.FromResult(Array.Empty<ResourceResponse>());
        }

        var reference = Activity.GetConversationReference();
        var addressed = new List<Activity>(activities.Count);
        foreach (var activity in activities)
        {
            var copy = activity.Clone();
            copy.ApplyConversationReference(reference);
            copy.Id = null;
            copy.InputHint ??= copy.IsType(ActivityTypes.Message) ? InputHints.AcceptingInput : null;
            addressed.Add(copy);
        }

        return RunSendHooksAsync(addressed, 0, cancellationToken);
    }

    private Task<ResourceResponse[]> RunSendHooksAsync(List<Activity> activities, int index, CancellationToken cancellationToken)
    {
        if (index < _onSend.Count)
        {
            return _onSend[index](this, activities, () => RunSendHooksAsync(activities, index + 1, cancellationToken));
        }

        return SendThroughAdapterAsync(activities, cancellationToken);
    }

    private async Task<ResourceResponse[]> SendThroughAdapterAsync(List<Activity> activities, CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            _held.Add((activities, cancellationToken));
            if (activities.Exists(a => !a.IsType(ActivityTypes.Trace) && !a.IsType(ActivityTypes.InvokeResponse)))
            {
                // A held reply is a reply for the rest of the turn: a prompt is not asked twice.
                _responded = true;
            }

            return activities.Select(_ => new ResourceResponse()).ToArray();
        }

        // The invoke response is the HTTP answer to an invoke, never a message on the wire: keep it for the adapter.
        var outgoing = activities;
        if (activities.Exists(a => a.IsType(ActivityTypes.InvokeResponse)))
        {
            TurnState[BotAdapter.InvokeResponseKey] = activities.FindLast(a => a.IsType(ActivityTypes.InvokeResponse))!;
            outgoing = activities.FindAll(a => !a.IsType(ActivityTypes.InvokeResponse));
        }

        ResourceResponse[] responses;
        if (IsExpectingReplies)
        {
            responses = new ResourceResponse[outgoing.Count];
            for (var i = 0; i < outgoing.Count; i++)
            {
                if (!outgoing[i].IsType(ActivityTypes.Delay))
                {
                    BufferedReplyActivities.Add(outgoing[i]);
                }

                responses[i] = new ResourceResponse();
            }
        }
        else
        {
            responses = outgoing.Count == 0
                ? []
                : await Adapter.SendActivitiesAsync(this, outgoing, cancellationToken).ConfigureAwait(false);
        }

        if (outgoing.Exists(a => !a.IsType(ActivityTypes.Trace)))
        {
            _responded = true;
        }

        return responses;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var copy = activity.Clone().ApplyConversationReference(Activity.GetConversationReference());
        return RunUpdateHooksAsync(copy, 0, cancellationToken);
    }

    private Task<ResourceResponse> RunUpdateHooksAsync(Activity activity, int index, CancellationToken cancellationToken) =>
        index < _onUpdate.Count
            ? _onUpdate[index](this, activity, () => RunUpdateHooksAsync(activity, index + 1, cancellationToken))
            : Adapter.UpdateActivityAsync(this, activity, cancellationToken);

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        reference.ActivityId = activityId;
        return RunDeleteHooksAsync(reference, 0, cancellationToken);
    }

    private Task RunDeleteHooksAsync(ConversationReference reference, int index, CancellationToken cancellationToken) =>
        index < _onDelete.Count
            ? _onDelete[index](this, reference, () => RunDeleteHooksAsync(reference, index + 1, cancellationToken))
            : Adapter.DeleteActivityAsync(this, reference, cancellationToken);

    public ITurnContext OnSendActivities(SendActivitiesHandler handler)
    {
        _onSend.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    public ITurnContext OnUpdateActivity(UpdateActivityHandler handler)
    {
        _onUpdate.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    public ITurnContext OnDeleteActivity(DeleteActivityHandler handler)
    {
        _onDelete.Add(handler ?? throw new ArgumentNullException(nameof(handler)));
        return this;
    }

    /// <summary>
    /// Locales already looked up (a found culture or null), so a turn does not ask ICU again whether "en-US" is a
    /// predefined locale (an interop call and a lock every turn). Bounded: the locale is the caller's text, and past this
    /// many distinct ones a lookup is simply not kept.
    /// </summary>
    private static readonly ConcurrentDictionary<string, CultureInfo?> KnownLocales = new(StringComparer.Ordinal);

    private const int MaxKnownLocales = 256;

    /// <summary>The culture named by the activity's locale, or null when it names none that .NET knows.</summary>
    public static CultureInfo? TryGetCulture(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 85)
        {
            return null;
        }

        if (KnownLocales.TryGetValue(locale, out var known))
        {
            return known;
        }

        CultureInfo? culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            culture = null;
        }

        if (KnownLocales.Count < MaxKnownLocales)
        {
            KnownLocales.TryAdd(locale, culture);
        }

        return culture;
    }

    public void Dispose() => TurnState.Clear();
}

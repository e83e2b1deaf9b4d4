using System.Text;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Telemetry;
using BotRuntime.Dialogs;
using BotRuntime.Schema;
using Microsoft.Extensions.Logging;

namespace B12Bot.Conversation.Dialogs;

/// <summary>
/// Routes each message outside the walkthrough: an FAQ answer with follow-up quick replies, "not sure, did you mean"
/// with the closest topics, the scope statement, small talk, commands, or the start of the symptom check.
/// When the safety triage saw a possible reaction, the check question comes first, on top of any running dialog.
/// </summary>
public sealed class MainDialog : ComponentDialog
{
    /// <summary>Longer messages are not matched (the emergency screen still reads them in full).</summary>
    public const int MaxQuestionLength = 1000;

    private const string RouteStep = "MainDialog.route";

    private readonly FaqMatcher _matcher;
    private readonly B12Content _content;
    private readonly ILogger<MainDialog> _logger;
    private readonly ConsentDialog? _consent;
    private readonly CommandInterruption _commands;

    /// <param name="forgetMe">"delete my data" (one is made from the content when not given).</param>
    /// <param name="consent">Consent before the walkthrough; without it the walkthrough starts at once.</param>
    /// <param name="commands">The owner of commands, shared with the walkthrough (one is made from the matcher when not given).</param>
    public MainDialog(FaqMatcher matcher, B12Content content, SymptomCheckDialog symptomCheck, PossibleReactionCheckDialog reactionCheck, ILogger<MainDialog> logger,
        ForgetMeDialog? forgetMe = null, ConsentDialog? consent = null, CommandInterruption? commands = null)
        : base(nameof(MainDialog))
    {
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        _content = content ?? throw new ArgumentNullException(nameof(content));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _consent = consent;
        _commands = commands ?? new CommandInterruption(matcher);
        AddDialog(new WaterfallDialog(RouteStep, [RouteAsync, StartAfterConsentAsync, FinishAsync]));
        AddDialog(symptomCheck ?? throw new ArgumentNullException(nameof(symptomCheck)));
        AddDialog(reactionCheck ?? throw new ArgumentNullException(nameof(reactionCheck)));
        AddDialog(forgetMe ?? new ForgetMeDialog(content));
        if (consent is not null)
        {
            AddDialog(consent);
        }

        InitialDialogId = RouteStep;
    }

    protected override Task<DialogTurnResult> OnBeginDialogAsync(DialogContext innerDc, object? options, CancellationToken cancellationToken = default) =>
        Interruption(innerDc) is { } dialogId
            ? innerDc.BeginDialogAsync(dialogId, null, cancellationToken)
            : base.OnBeginDialogAsync(innerDc, options, cancellationToken);

    /// <summary>
    /// The check (and "delete my data") goes on top of the walkthrough, so that after "No" the walkthrough asks its
    /// question again.
    /// </summary>
    protected override Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken = default) =>
        Interruption(innerDc) is { } dialogId
            ? innerDc.BeginDialogAsync(dialogId, null, cancellationToken)
            : base.OnContinueDialogAsync(innerDc, cancellationToken);

    /// <summary>The dialog that goes on top of whatever runs: the reaction check first (safety wins), then "delete my data".</summary>
    private string? Interruption(DialogContext innerDc)
    {
        if (SafetyTriageMiddleware.ResultOf(innerDc.Context).Class == TriageClass.PossibleReaction)
        {
            return innerDc.ActiveDialog?.Id != PossibleReactionCheckDialog.DialogId ? PossibleReactionCheckDialog.DialogId : null;
        }

        return _commands.StartsForgetMe(innerDc.Context, innerDc.ActiveDialog?.Id) ? ForgetMeDialog.DialogId : null;
    }

    private async Task<DialogTurnResult> RouteAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var context = step.Context;
        var text = MessageText(context.Activity);
        if (string.IsNullOrWhiteSpace(text))
        {
            await context.SendActivityAsync(Replies.Message(_content.Messages.NonText, MainTopics()), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        if (text.Length > MaxQuestionLength)
        {
            await context.SendActivityAsync(Replies.Message(_content.Messages.TooLong), cancellationToken).ConfigureAwait(false);
            return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
        }

        // A command is read by its owner; anything else by the matcher.
        var match = _commands.AtTopLevel(context) is { } command
            ? new FaqMatch { Kind = FaqMatchKind.Command, Command = command, Score = 1 }
            : await _matcher.MatchAsync(text, cancellationToken).ConfigureAwait(false);
        _logger.LogDebug("Message routed as {Kind}.", match.Kind);
        B12BotTelemetry.Question(context, match.Kind);
        var messages = _content.Messages;
        Activity reply;
        switch (match.Kind)
        {
            case FaqMatchKind.StartWalkthrough:
                return _consent is null || await _consent.MayStartAsync(context, cancellationToken).ConfigureAwait(false)
                    ? await step.BeginDialogAsync(SymptomCheckDialog.DialogId, null, cancellationToken).ConfigureAwait(false)
                    : await step.BeginDialogAsync(ConsentDialog.DialogId, null, cancellationToken).ConfigureAwait(false);
            case FaqMatchKind.Answer:
                var entry = match.Entry!;
                if (match.Also is { } also)
                {
                    // The message asked two things: answer the first here, the second (with the suggestions) below.
                    await context.SendActivityAsync(Replies.Message(entry.Answer), cancellationToken).ConfigureAwait(false);
                    entry = also;
                }

                // A close call offers the runner-up first, then the usual follow-ups.
                reply = Replies.Message(entry.Answer, match.Alternatives.Select(a => a.Title)
                    .Concat(entry.FollowUps.Select(id => _content.GetEntry(id).Title)).Distinct().Take(3).Append(_content.Walkthrough.Title));
                break;
            case FaqMatchKind.Ambiguous when match.Alternatives.Count > 0:
                reply = Replies.Message(NotSure(match.Alternatives), match.Alternatives.Select(a => a.Title).Append(_content.Walkthrough.Title));
                break;
            case FaqMatchKind.OutOfScope:
                reply = Replies.Message(messages.OutOfScope, MainTopics());
                break;
            case FaqMatchKind.SmallTalk:
                reply = Replies.Message(match.SmallTalk!.Reply, MainTopics());
                break;
            case FaqMatchKind.Command:
                reply = CommandInterruption.Interrupting(match.Command) switch
                {
                    BotCommand.Help => Replies.Message(messages.Help, MainTopics()),
                    BotCommand.Cancel => Replies.Message(messages.NothingToCancel, MainTopics()),
                    BotCommand.Restart => Replies.Message(messages.Restarted, MainTopics()),
                    _ => Replies.Message(messages.NothingToGoBackTo, MainTopics()),
                };
                break;
            default:
                reply = Replies.Message(messages.Fallback, MainTopics());
                break;
        }

        await context.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        return await step.EndDialogAsync(null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a Yes to the consent question the walkthrough starts; any other result passes through.</summary>
    private static Task<DialogTurnResult> StartAfterConsentAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.Result is ConsentDialog.Agreed
            ? step.BeginDialogAsync(SymptomCheckDialog.DialogId, null, cancellationToken)
            : step.NextAsync(step.Result, cancellationToken);

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result, cancellationToken);

    private string NotSure(IReadOnlyList<FaqEntry> alternatives)
    {
        var text = new StringBuilder(_content.Messages.NotSure);
        foreach (var alternative in alternatives)
        {
            text.Append("\n- ").Append(alternative.Title);
        }

        return text.ToString();
    }

    private IReadOnlyList<string> MainTopics() => _content.MainTopicTitles;

    /// <summary>
    /// The message's text, or for a card submit without text, its "text" (or first string) value: what the bot reads as a
    /// question (the safety backstop screens the same text).
    /// </summary>
    internal static string? MessageText(Activity activity)
    {
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text;
        }

        if (activity.Value is { ValueKind: JsonValueKind.Object } value)
        {
            if (value.TryGetProperty("text", out var named) && named.ValueKind == JsonValueKind.String)
            {
                return named.GetString();
            }

            foreach (var property in value.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }
        }

        return activity.Value is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;
    }
}

using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Safety;
using B12Bot.Transcripts;
using BotRuntime.Builder;
using BotRuntime.State;
using BotRuntime.Teams;
using IMiddleware = BotRuntime.Builder.IMiddleware;

namespace B12Bot.Hosting;

/// <summary>
/// The turn pipeline every activity goes through, whatever channel brought it (/api/messages, Direct Line, the warm-up
/// turn), declared here and nowhere else. The adapter runs the middleware in this order, outermost first, then the bot.
/// Libraries only register their middleware types; putting one into the pipeline is this class's job.
/// </summary>
internal static class TurnPipeline
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        // 1. Timing and outcome of every turn (ids and counts only), around everything else.
        Use<TurnTelemetryMiddleware>(services);

        //    The opt-in transcript (Transcript:Enabled): redacted visitor messages and their outcome, never otherwise.
        services.AddTranscriptMiddleware(configuration);

        // 2. Teams: shape every outgoing message (first, so replies sent by any later step are shaped too), turn a
        //    card button's imBack submit into its text, drop un-mentioned group messages before state loads, strip the
        //    bot's @mention. Each passes other channels through.
        Use<TeamsMessageShaperMiddleware>(services);
        Use<TeamsImBackSubmitMiddleware>(services);
        Use<TeamsMentionRequiredMiddleware>(services);
        Use<TeamsMentionMiddleware>(services);

        // 3. The only writer of state: conversation state is saved once the turn is done (only when it changed); replies
        //    wait for the save, and a save that lost to another instance reruns the turn on fresh state.
        services.AddSingleton<IMiddleware>(provider => new AutoSaveStateMiddleware(
            [provider.GetRequiredService<ConversationState>()],
            provider.GetRequiredService<IConfiguration>().GetSection("BotState:AutoSave").Get<AutoSaveOptions>() ?? new AutoSaveOptions(),
            provider.GetRequiredService<ILogger<AutoSaveStateMiddleware>>()));

        // 4. Handoff, staff side (Teams messages from the clinic channel) and its urgent alert to staff: just outside the
        //    safety triage, so staff messages are never triaged as a patient's.
        Use<HandoffStaffMiddleware>(services);
        Use<HandoffSafetyAlertMiddleware>(services);

        // 5. Safety triage on every message before any dialog: emergencies are answered here and end the turn. It runs
        //    the triage of the turn's content snapshot (an edit of safety.yaml applies from the next turn).
        Use<CurrentSafetyTriageMiddleware>(services);

        // 6. Handoff, visitor side: just inside the triage, so it only sees messages the triage let through.
        Use<HandoffVisitorMiddleware>(services);

        // After a failure anywhere above: log, apologise, reset the conversation.
        services.AddSingleton<ITurnErrorHandler, ApologizeAndResetErrorHandler>();
        return services;
    }

    private static void Use<TMiddleware>(IServiceCollection services)
        where TMiddleware : class, IMiddleware =>
        services.AddSingleton<IMiddleware>(provider => ActivatorUtilities.GetServiceOrCreateInstance<TMiddleware>(provider));
}

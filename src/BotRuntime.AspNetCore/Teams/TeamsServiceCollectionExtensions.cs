using BotRuntime.AspNetCore.Connector;
using BotRuntime.AspNetCore.Teams;
using BotRuntime.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers what Teams needs, for the host to put into its turn pipeline (the host declares the order):
    /// <list type="bullet">
    /// <item><see cref="TeamsMessageShaperMiddleware"/>: shapes every outgoing Teams message (suggested actions or an
    /// Adaptive Card of buttons, urgent alert, size limit); outermost of the Teams middleware, so replies sent by later
    /// middleware are shaped too.</item>
    /// <item><see cref="TeamsImBackSubmitMiddleware"/>: a pressed card button submitted as <c>msteams</c> imBack data
    /// (as the Agents Playground sends it) reaches the bot as the text the button says.</item>
    /// <item><see cref="TeamsMentionRequiredMiddleware"/>: drops un-mentioned group chat/channel messages before any
    /// state is loaded.</item>
    /// <item><see cref="TeamsMentionMiddleware"/>: strips the bot's @mention from the text.</item>
    /// </list>
    /// It also paces sends to Teams conversations: <see cref="TeamsSendPacingHandler"/> joins the Bot Connector's
    /// HttpClient inside its retry pipeline (call this after <c>AddBotHttpAdapter</c>), so every attempt waits for its
    /// slot in the per-conversation <see cref="ConversationRateLimiter"/>.
    /// </summary>
    public static IServiceCollection AddTeamsServices(this IServiceCollection services, Action<TeamsMessageShaperOptions>? configureShaper = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ConversationRateLimiter(provider.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<TeamsSendPacingHandler>();
        services.AddHttpClient(BotConnectorClient.HttpClientName).AddHttpMessageHandler<TeamsSendPacingHandler>();

        var shaperOptions = new TeamsMessageShaperOptions();
        configureShaper?.Invoke(shaperOptions);
        services.TryAddSingleton(new TeamsMessageShaper(shaperOptions));
        services.TryAddSingleton(provider => new TeamsMessageShaperMiddleware(provider.GetRequiredService<TeamsMessageShaper>()));
        services.TryAddSingleton<TeamsImBackSubmitMiddleware>();
        services.TryAddSingleton<TeamsMentionRequiredMiddleware>();
        services.TryAddSingleton<TeamsMentionMiddleware>();
        return services;
    }
}

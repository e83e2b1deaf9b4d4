using BotRuntime.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams behaviour as turn middleware, in this order (the adapter runs IMiddleware in registration
    /// order, so call this before registering state or dialog middleware):
    /// <list type="number">
    /// <item><see cref="TeamsMessageShaperMiddleware"/>: shapes every outgoing Teams message (suggested actions or an
    /// Adaptive Card of buttons, urgent alert, size limit); first, so replies sent by later middleware are shaped too.</item>
    /// <item><see cref="TeamsImBackSubmitMiddleware"/>: a pressed card button submitted as <c>msteams</c> imBack data
    /// (as the Agents Playground sends it) reaches the bot as the text the button says.</item>
    /// <item><see cref="TeamsMentionRequiredMiddleware"/>: drops un-mentioned group chat/channel messages before any
    /// state is loaded.</item>
    /// <item><see cref="TeamsMentionMiddleware"/>: strips the bot's @mention from the text.</item>
    /// </list>
    /// Also registers the per-conversation <see cref="ConversationRateLimiter"/> for the connector client to await.
    /// </summary>
    public static IServiceCollection AddTeamsMiddleware(this IServiceCollection services, Action<TeamsMessageShaperOptions>? configureShaper = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new ConversationRateLimiter(provider.GetRequiredService<TimeProvider>()));

        var shaperOptions = new TeamsMessageShaperOptions();
        configureShaper?.Invoke(shaperOptions);
        services.TryAddSingleton(new TeamsMessageShaper(shaperOptions));

        services.AddSingleton<BotRuntime.Builder.IMiddleware>(provider => new TeamsMessageShaperMiddleware(provider.GetRequiredService<TeamsMessageShaper>()));
        services.AddSingleton<BotRuntime.Builder.IMiddleware, TeamsImBackSubmitMiddleware>();
        services.AddSingleton<BotRuntime.Builder.IMiddleware, TeamsMentionRequiredMiddleware>();
        services.AddSingleton<BotRuntime.Builder.IMiddleware, TeamsMentionMiddleware>();
        return services;
    }
}

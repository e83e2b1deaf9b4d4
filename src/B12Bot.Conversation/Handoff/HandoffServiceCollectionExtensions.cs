using B12Bot.Conversation.Content;
using BotRuntime.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using BotRuntime.Storage;

namespace B12Bot.Conversation.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handoff's services (content from dialogs/handoff.yaml; store, coordinator, dialogs). With the B12
    /// bot's content source registered (AddB12Conversation, as the host does) the handoff follows its reloads; without
    /// it the file is loaded and validated once. The host provides <see cref="IClinicChannelClient"/>,
    /// <see cref="IVisitorMessenger"/>, IStorage and ConversationState, and puts the middleware into its turn pipeline:
    /// <see cref="HandoffStaffMiddleware"/> and <see cref="HandoffSafetyAlertMiddleware"/> before the safety triage,
    /// <see cref="HandoffVisitorMiddleware"/> after it.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, string dialogsFolder, string emergencyNumber, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.Configure<BotStateJsonOptions>(json => json.TypeInfoResolvers.Add(HandoffJsonContext.Default));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => sp.GetService<B12ContentSource>() is { } content
            ? HandoffContentSource.FollowingSnapshots(content)
            : new HandoffContentSource(HandoffContentLoader.Load(dialogsFolder, emergencyNumber)));
        services.TryAddSingleton(sp => new HandoffTexts(sp.GetRequiredService<HandoffContentSource>(), sp.GetRequiredService<HandoffOptions>()));
        services.TryAddSingleton(sp => new HandoffRequestRecognizer(sp.GetRequiredService<HandoffContentSource>()));
        services.TryAddSingleton<OfficeHours>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<HandoffStateAccessors>();
        services.TryAddSingleton<HandoffCoordinator>();
        services.TryAddSingleton(sp => sp.GetService<B12ContentSource>() is { } content
            ? new HandoffOffer(content, sp.GetRequiredService<HandoffContentSource>())
            : new HandoffOffer(_ => sp.GetRequiredService<B12Content>(), sp.GetRequiredService<HandoffContentSource>()));
        services.TryAddSingleton<HandoffDialog>();
        services.TryAddSingleton<CallbackDialog>();
        services.TryAddSingleton<HandoffStaffMiddleware>();
        services.TryAddSingleton<HandoffSafetyAlertMiddleware>();
        services.TryAddSingleton<HandoffVisitorMiddleware>();
        return services;
    }
}

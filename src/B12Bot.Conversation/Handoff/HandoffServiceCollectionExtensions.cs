using BotRuntime.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using BotRuntime.Storage;

namespace B12Bot.Conversation.Handoff;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handoff's services (content from dialogs/handoff.yaml, loaded and validated once; store, coordinator,
    /// dialogs). The host provides <see cref="IClinicChannelClient"/>, <see cref="IVisitorMessenger"/>, IStorage and
    /// ConversationState, and puts the middleware into its turn pipeline: <see cref="HandoffStaffMiddleware"/> and
    /// <see cref="HandoffSafetyAlertMiddleware"/> before the safety triage, <see cref="HandoffVisitorMiddleware"/> after it.
    /// </summary>
    public static IServiceCollection AddHandoff(this IServiceCollection services, string dialogsFolder, string emergencyNumber, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.Configure<BotStateJsonOptions>(json => json.TypeInfoResolvers.Add(HandoffJsonContext.Default));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(options);
        services.TryAddSingleton(_ => HandoffContentLoader.Load(dialogsFolder, emergencyNumber));
        services.TryAddSingleton<HandoffTexts>();
        services.TryAddSingleton<HandoffRequestRecognizer>();
        services.TryAddSingleton<OfficeHours>();
        services.TryAddSingleton<HandoffStore>();
        services.TryAddSingleton<HandoffStateAccessors>();
        services.TryAddSingleton<HandoffCoordinator>();
        services.TryAddSingleton<HandoffOffer>();
        services.TryAddSingleton<HandoffDialog>();
        services.TryAddSingleton<CallbackDialog>();
        services.TryAddSingleton<HandoffStaffMiddleware>();
        services.TryAddSingleton<HandoffSafetyAlertMiddleware>();
        services.TryAddSingleton<HandoffVisitorMiddleware>();
        return services;
    }
}

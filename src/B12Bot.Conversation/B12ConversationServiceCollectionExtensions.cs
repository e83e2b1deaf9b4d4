using B12Bot.Conversation.Bots;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Privacy;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using BotRuntime.Builder;
using BotRuntime.State;
using BotRuntime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace B12Bot.Conversation;

public static class B12ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the B12 bot: its content source (<see cref="B12ContentSource"/>: the content in dialogsFolder, the
    /// understanding model, the saved embeddings, the FAQ matcher, the safety triage and the dialogs, built together as
    /// one immutable <see cref="B12ContentSnapshot"/>, loaded and validated when first needed: resolve
    /// <see cref="B12ContentSource"/> at start-up to fail fast; the FAQ matcher needs an ISentenceEmbedder: the host
    /// registers one with AddSentenceEmbedder), the bot as <see cref="IBot"/> (<see cref="CurrentContentBot"/>) and the
    /// safety triage middleware (<see cref="CurrentSafetyTriageMiddleware"/>), both running the turn's snapshot. The
    /// host must register <see cref="BotRuntime.State.ConversationState"/>, puts the triage into its turn pipeline (it
    /// works wherever it sits before the bot) and calls <see cref="B12ContentSource.ReloadAsync"/> when dialogs/ changes.
    /// <see cref="B12Content"/>, <see cref="FaqMatcher"/>, <see cref="SafetyTriage"/> and the others resolve to the current
    /// snapshot's, for tools and start-up code; a turn reads them through <see cref="B12ContentSource.For"/>.
    /// </summary>
    public static IServiceCollection AddB12Conversation(this IServiceCollection services, string dialogsFolder, string emergencyNumber = B12ContentLoader.DefaultEmergencyNumber) =>
        services.AddB12Conversation(dialogsFolder, SafetyContacts.UnitedStates with { EmergencyNumber = emergencyNumber });

    /// <param name="contacts">The emergency number, crisis line and Poison Control number (settings B12Bot:*).</param>
    public static IServiceCollection AddB12Conversation(this IServiceCollection services, string dialogsFolder, SafetyContacts contacts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsFolder);
        ArgumentNullException.ThrowIfNull(contacts);
        contacts.Validate();
        services.Configure<BotStateJsonOptions>(json => json.TypeInfoResolvers.Add(ConversationJsonContext.Default));
        services.TryAddSingleton(sp => new B12ContentSnapshotBuilder(dialogsFolder, contacts, sp));
        services.TryAddSingleton<B12ContentSource>();
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.Content);
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.Model);
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.Embeddings);
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.Matcher);
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.Triage);
        services.TryAddTransient(sp => sp.GetRequiredService<B12ContentSource>().Current.SafetyReplies);
        services.TryAddSingleton(PrivacySettings.Default);
        services.TryAddSingleton(sp => new UserDataEraser(sp.GetRequiredService<ConversationState>(), sp.GetService<UserState>(), sp.GetServices<IConversationDataStore>()));
        services.TryAddSingleton<CurrentSafetyTriageMiddleware>();
        services.TryAddSingleton<CurrentContentBot>();
        services.TryAddSingleton<IBot>(sp => sp.GetRequiredService<CurrentContentBot>());
        return services;
    }
}

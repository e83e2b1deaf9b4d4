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
    /// Registers the B12 bot: its content (loaded and validated from <paramref name="dialogsFolder"/> when first needed:
    /// resolve <see cref="B12Content"/> at start-up to fail fast), the understanding model (dialogs/understanding-model.json),
    /// the content's saved embeddings (dialogs/content-embeddings.bin, <see cref="ContentEmbeddingCache"/>),
    /// the FAQ matcher (it needs an ISentenceEmbedder: the host registers one with AddSentenceEmbedder) and safety triage
    /// (built once), the dialogs, the bot as <see cref="IBot"/> and the safety triage middleware
    /// (<see cref="SafetyTriageMiddleware"/>). The host must register <see cref="BotRuntime.State.ConversationState"/>
    /// and puts the triage into its turn pipeline (it works wherever it sits before the bot).
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
        ConversationJsonContext.EnsureRegistered();
        services.TryAddSingleton(_ => B12ContentLoader.Load(dialogsFolder, contacts));
        services.TryAddSingleton(_ => UnderstandingModel.Load(Path.Combine(dialogsFolder, UnderstandingModel.FileName)));
        services.TryAddSingleton(sp => ContentEmbeddingCache.Load(Path.Combine(dialogsFolder, ContentEmbeddingCache.FileName), sp.GetRequiredService<ISentenceEmbedder>()));
        services.TryAddSingleton(sp => new FaqMatcher(
            sp.GetRequiredService<B12Content>(), sp.GetRequiredService<ISentenceEmbedder>(), sp.GetRequiredService<UnderstandingModel>(),
            sp.GetRequiredService<ContentEmbeddingCache>()));
        services.TryAddSingleton(sp => new SafetyTriage(sp.GetRequiredService<B12Content>().Safety, sp.GetRequiredService<FaqMatcher>().Analyzer.IsKnownWord));
        services.TryAddSingleton<SafetyReplies>();
        services.TryAddSingleton<PossibleReactionCheckDialog>();
        services.TryAddSingleton<SymptomCheckDialog>();
        services.TryAddSingleton(PrivacySettings.Default);
        services.TryAddSingleton<ForgetMeDialog>();
        services.TryAddSingleton<ConsentDialog>();
        services.TryAddSingleton(sp => new UserDataEraser(sp.GetRequiredService<ConversationState>(), sp.GetService<UserState>(), sp.GetServices<IConversationDataStore>()));
        services.TryAddSingleton<MainDialog>();
        services.TryAddSingleton<SafetyTriageMiddleware>();
        services.TryAddSingleton<B12DialogBot>();
        services.TryAddSingleton<IBot>(sp => sp.GetRequiredService<B12DialogBot>());
        return services;
    }
}

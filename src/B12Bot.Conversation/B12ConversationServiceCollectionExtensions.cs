using B12Bot.Conversation.Bots;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using BotRuntime.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace B12Bot.Conversation;

public static class B12ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the B12 bot: its content (loaded and validated from <paramref name="dialogsFolder"/> when first needed:
    /// resolve <see cref="B12Content"/> at start-up to fail fast), the understanding model (dialogs/understanding-model.json), the FAQ matcher (it needs an ISentenceEmbedder: the host registers one with AddSentenceEmbedder) and emergency detector (built once),
    /// the dialogs, the bot as <see cref="IBot"/> and the emergency screen as an <see cref="IMiddleware"/>.
    /// The host must register <see cref="BotRuntime.State.ConversationState"/>; it decides the middleware order, and the
    /// screen works wherever it sits before the bot.
    /// </summary>
    public static IServiceCollection AddB12Conversation(this IServiceCollection services, string dialogsFolder, string emergencyNumber = B12ContentLoader.DefaultEmergencyNumber)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogsFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(emergencyNumber);
        ConversationJsonContext.EnsureRegistered();
        services.TryAddSingleton(_ => B12ContentLoader.Load(dialogsFolder, emergencyNumber));
        services.TryAddSingleton(_ => UnderstandingModel.Load(Path.Combine(dialogsFolder, UnderstandingModel.FileName)));
        services.TryAddSingleton(sp => new FaqMatcher(
            sp.GetRequiredService<B12Content>(), sp.GetRequiredService<ISentenceEmbedder>(), sp.GetRequiredService<UnderstandingModel>()));
        services.TryAddSingleton(sp => new EmergencyDetector(sp.GetRequiredService<B12Content>().Safety, sp.GetRequiredService<FaqMatcher>().Analyzer.IsKnownWord));
        services.TryAddSingleton<SymptomCheckDialog>();
        services.TryAddSingleton<MainDialog>();
        services.TryAddSingleton<EmergencyEscalationMiddleware>();
        services.AddSingleton<IMiddleware>(sp => sp.GetRequiredService<EmergencyEscalationMiddleware>());
        services.TryAddSingleton<B12DialogBot>();
        services.TryAddSingleton<IBot>(sp => sp.GetRequiredService<B12DialogBot>());
        return services;
    }
}

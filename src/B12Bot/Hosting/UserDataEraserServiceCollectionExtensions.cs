using BotRuntime.AspNetCore.DirectLine.History;
using BotRuntime.State;
using BotRuntime.Storage;

namespace B12Bot.Hosting;

public static class UserDataEraserServiceCollectionExtensions
{
    /// <summary>
    /// "delete my data" forgets the state (through IStorage, whichever provider), the Direct Line history and every
    /// other registered <see cref="IConversationDataStore"/> (the opt-in transcript).
    /// </summary>
    public static IServiceCollection AddUserDataEraser(this IServiceCollection services) =>
        services.AddSingleton(sp => new UserDataEraser(
            sp.GetRequiredService<ConversationState>(),
            sp.GetService<UserState>(),
            new object?[] { sp.GetService<IConversationHistoryStore>() }.Concat(sp.GetServices<IConversationDataStore>()).OfType<IConversationDataStore>()));
}

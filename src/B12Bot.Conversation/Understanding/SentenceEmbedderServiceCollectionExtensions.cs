using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Understanding;

public static class SentenceEmbedderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISentenceEmbedder"/> (all-MiniLM-L6-v2, in-process, offline) as a singleton the container
    /// disposes. The model loads in the background from the moment the embedder is first resolved: resolve it early at
    /// start-up (before the content) so the two load side by side, and await <see cref="MiniLmSentenceEmbedder.Loaded"/>.
    /// </summary>
    public static IServiceCollection AddSentenceEmbedder(this IServiceCollection services, SentenceEmbedderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configured = options ?? new SentenceEmbedderOptions();
        configured.Validate();
        services.TryAddSingleton(configured);
        services.TryAddSingleton(sp => new MiniLmSentenceEmbedder(
            sp.GetRequiredService<SentenceEmbedderOptions>(),
            sp.GetService<ILogger<MiniLmSentenceEmbedder>>() ?? NullLogger<MiniLmSentenceEmbedder>.Instance));
        services.TryAddSingleton<ISentenceEmbedder>(sp => sp.GetRequiredService<MiniLmSentenceEmbedder>());
        return services;
    }
}

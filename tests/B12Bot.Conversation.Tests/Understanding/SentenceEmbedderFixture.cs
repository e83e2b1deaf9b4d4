using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

namespace B12Bot.Conversation.Tests.Understanding;

/// <summary>One loaded model shared by a test class (loading it takes a few hundred milliseconds).</summary>
public sealed class SentenceEmbedderFixture : IDisposable
{
    public MiniLmSentenceEmbedder Embedder { get; } = new(new SentenceEmbedderOptions(), NullLogger<MiniLmSentenceEmbedder>.Instance);

    public void Dispose() => Embedder.Dispose();
}

using B12Bot.Conversation.Tests.Support;
using B12Bot.Conversation.Understanding;

namespace B12Bot.Conversation.Tests.Understanding;

public sealed class ContentEmbeddingCacheTests : IClassFixture<ContentFixture>, IDisposable
{
    private const string RefreshCommand = "dotnet run -c Release --project build/B12Bot.ContentEmbeddings";
    private readonly ContentFixture fixture;
    private readonly string folder = Directory.CreateTempSubdirectory("b12-embeddings-").FullName;

    public ContentEmbeddingCacheTests(ContentFixture fixture) => this.fixture = fixture;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string ShippedFile => Path.Combine(RepositoryPaths.Dialogs, ContentEmbeddingCache.FileName);

    [Fact]
    public void The_shipped_file_holds_every_phrasing_title_and_answer_and_every_safety_backstop_example_of_the_shipped_content()
    {
        var saved = ContentEmbeddingCache.Load(ShippedFile, ContentFixture.Embedder);
        var missing = saved.Missing([.. SemanticIndex.Texts(IntentCatalog.FromContent(fixture.Content)), .. fixture.Content.Safety.Backstop.Examples]);

        Assert.True(saved.Problem is null, $"{saved.Problem}: run `{RefreshCommand}`");
        Assert.True(missing.Count == 0,
            $"{missing.Count} content texts are not in dialogs/{ContentEmbeddingCache.FileName} (e.g. \"{missing.FirstOrDefault()}\"): run `{RefreshCommand}` and commit the file");
    }

    [Fact]
    public void The_shipped_vectors_are_the_ones_the_model_computes_for_those_texts()
    {
        var saved = ContentEmbeddingCache.Load(ShippedFile, ContentFixture.Embedder);
        var texts = SemanticIndex.Texts(IntentCatalog.FromContent(fixture.Content));
        // A phrasing, a title and an answer from across the file.
        string[] sample = [texts[0], texts[texts.Count / 3], texts[(2 * texts.Count) / 3], texts[^1]];

        var computed = ContentFixture.Embedder.EmbedBatch(sample);

        for (var i = 0; i < sample.Length; i++)
        {
            var vector = saved.Find(sample[i]);
            Assert.NotNull(vector);
            Assert.Equal(1.0, Dot(vector, computed[i]), 4);
        }
    }

    [Fact]
    public void Only_the_texts_the_file_lacks_are_computed_at_start()
    {
        var embedder = new CountingEmbedder("model A");
        var path = Path.Combine(folder, ContentEmbeddingCache.FileName);
        ContentEmbeddingCache.Write(path, embedder, ["how often do I need the shot", "does it hurt"]);
        embedder.Embedded.Clear();

        var saved = ContentEmbeddingCache.Load(path, embedder);
        var vectors = saved.Embed(["does it hurt", "a phrasing the clinic added", "how often do I need the shot"]);

        Assert.Null(saved.Problem);
        Assert.Equal(["a phrasing the clinic added"], embedder.Embedded);
        Assert.Equal((2, 1), (saved.Hits, saved.Computed));
        Assert.Equal(CountingEmbedder.VectorOf("does it hurt"), vectors[0]);
        Assert.Equal(CountingEmbedder.VectorOf("a phrasing the clinic added"), vectors[1]);
        Assert.Equal(CountingEmbedder.VectorOf("how often do I need the shot"), vectors[2]);
    }

    [Fact]
    public void Texts_the_model_reads_alike_share_a_saved_vector()
    {
        var embedder = new CountingEmbedder("model A");
        var path = Path.Combine(folder, ContentEmbeddingCache.FileName);
        ContentEmbeddingCache.Write(path, embedder, ["Does it HURT?"]);
        embedder.Embedded.Clear();

        ContentEmbeddingCache.Load(path, embedder).Embed(["does it hurt?"]);

        Assert.Empty(embedder.Embedded);
    }

    [Fact]
    public void A_file_of_another_model_is_ignored_and_every_text_is_computed()
    {
        var path = Path.Combine(folder, ContentEmbeddingCache.FileName);
        ContentEmbeddingCache.Write(path, new CountingEmbedder("model A"), ["does it hurt"]);
        var other = new CountingEmbedder("model B");

        var saved = ContentEmbeddingCache.Load(path, other);
        var vectors = saved.Embed(["does it hurt"]);

        Assert.Contains("another model", saved.Problem);
        Assert.Equal(["does it hurt"], other.Embedded);
        Assert.Equal(CountingEmbedder.VectorOf("does it hurt", "model B"), vectors[0]);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("garbage")]
    [InlineData("empty")]
    [InlineData("not a number")]
    public void A_damaged_or_missing_file_is_reported_and_every_text_is_computed(string damage)
    {
        var embedder = new CountingEmbedder("model A");
        var path = Path.Combine(folder, ContentEmbeddingCache.FileName);
        ContentEmbeddingCache.Write(path, embedder, ["does it hurt", "how often"]);
        var bytes = File.ReadAllBytes(path);
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(path, bytes[..^7]);
                break;
            case "garbage":
                File.WriteAllBytes(path, [.. bytes.Select(b => (byte)(b ^ 0x5A))]);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "not a number":
                BitConverter.GetBytes(float.NaN).CopyTo(bytes, bytes.Length - 4);
                File.WriteAllBytes(path, bytes);
                break;
        }

        embedder.Embedded.Clear();

        var saved = ContentEmbeddingCache.Load(path, embedder);
        var vectors = saved.Embed(["does it hurt", "how often"]);

        Assert.NotNull(saved.Problem);
        Assert.Equal(0, saved.Count);
        Assert.Equal(["does it hurt", "how often"], embedder.Embedded);
        Assert.Equal(CountingEmbedder.VectorOf("how often"), vectors[1]);

        var missing = ContentEmbeddingCache.Load(Path.Combine(folder, "nothing-here.bin"), embedder);
        Assert.Contains("does not exist", missing.Problem);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    /// <summary>A stand-in model: a vector made from the text's model input and the identity, and a record of what it embedded.</summary>
    private sealed class CountingEmbedder(string identity) : ISentenceEmbedder
    {
        public List<string> Embedded { get; } = [];

        public int Dimensions => 4;

        public string ModelIdentity => identity;

        public string ModelInput(string text) => text.ToLowerInvariant().Replace("?", " ?", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);

        public ValueTask<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<ReadOnlyMemory<float>>(VectorOf(ModelInput(text), identity));

        public IReadOnlyList<float[]> EmbedBatch(IReadOnlyList<string> texts)
        {
            Embedded.AddRange(texts);
            return [.. texts.Select(text => VectorOf(ModelInput(text), identity))];
        }

        public static float[] VectorOf(string text, string model = "model A")
        {
            var input = text.ToLowerInvariant().Replace("?", " ?", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal);
            return [input.Length, input.Count(c => c == ' '), input[0], model[^1]];
        }
    }
}

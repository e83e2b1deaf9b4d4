using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

// Writes dialogs/content-embeddings.bin: the sentence embeddings of every phrasing, title and answer of the content, so
// the bot starts without computing them (and the safety backstop's examples, in dialogs/safety.yaml). The file is
// generated, not committed: building this project (as every build of the host, the tests, eval/ and bench/ does) runs
// this tool after its own build when dialogs/*.yaml, appsettings.json or the sources of the embedder (B12Bot.Conversation,
// B12Bot.ModelQuantizer) or of this tool changed since the file was written (target GenerateContentEmbeddings in the
// .csproj), and skips it otherwise. After a
// content edit, `bash build/refresh-understanding.sh` does that build and refits the understanding model. Run by hand, it
// rewrites the file unconditionally:
//   dotnet run -c Release --project build/B12Bot.ContentEmbeddings [-- --dialogs PATH]
// The model settings that change the vectors come from the SentenceEmbedder section of appsettings.json, as in the host.
var root = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "RepositoryRoot").Value!;
var dialogs = Array.IndexOf(args, "--dialogs") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : Path.Combine(root, "dialogs");
var options = new SentenceEmbedderOptions { CacheCapacity = 0 };
using (var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "appsettings.json")), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
{
    if (settings.RootElement.TryGetProperty(SentenceEmbedderOptions.SectionName, out var section))
    {
        if (section.TryGetProperty(nameof(SentenceEmbedderOptions.MaxTokens), out var maxTokens))
        {
            options.MaxTokens = maxTokens.GetInt32();
        }

        if (section.TryGetProperty(nameof(SentenceEmbedderOptions.Model), out var model))
        {
            options.Model = Enum.Parse<SentenceEmbeddingModel>(model.GetString()!, ignoreCase: true);
        }

        if (section.TryGetProperty(nameof(SentenceEmbedderOptions.MaxCharacters), out var maxCharacters))
        {
            options.MaxCharacters = maxCharacters.GetInt32();
        }
    }
}

var started = Stopwatch.StartNew();
var content = B12ContentLoader.Load(dialogs, B12ContentLoader.DefaultEmergencyNumber);
using var embedder = new MiniLmSentenceEmbedder(options, NullLogger<MiniLmSentenceEmbedder>.Instance);
// The FAQ's phrasings, titles and answers, and the safety backstop's example phrasings.
var texts = SemanticIndex.Texts(IntentCatalog.FromContent(content)).Concat(content.Safety.Backstop.Examples).ToList();
var path = Path.Combine(dialogs, ContentEmbeddingCache.FileName);
// Written beside it, then renamed over it: two builds running the tool at once, or a bot or test reading the file
// meanwhile, see the old file or the new one, never a half-written one.
var written = $"{path}.{Guid.NewGuid():N}.tmp";
try
{
    ContentEmbeddingCache.Write(written, embedder, texts);
    File.Move(written, path, overwrite: true);
}
finally
{
    File.Delete(written);
}

Console.WriteLine($"{path}: {texts.Distinct(StringComparer.Ordinal).Count()} texts embedded in {started.Elapsed.TotalSeconds:F1} s ({embedder.ModelIdentity})");
return 0;

public partial class Program;

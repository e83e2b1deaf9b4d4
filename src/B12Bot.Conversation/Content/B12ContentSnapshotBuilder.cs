using B12Bot.Conversation.Bots;
using B12Bot.Conversation.Dialogs;
using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Handoff;
using B12Bot.Conversation.Safety;
using B12Bot.Conversation.Understanding;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Builds a <see cref="B12ContentSnapshot"/> from the dialogs folder with the existing loaders and builders (the same
/// validation as at start): the content, the understanding model, the saved embeddings (texts the file lacks are
/// embedded by the loaded model here, so this runs off the turn path), the matcher, the triage and the dialogs.
/// Services that do not depend on the content (state, loggers, settings) come from the application's container.
/// </summary>
public sealed class B12ContentSnapshotBuilder(string dialogsFolder, SafetyContacts contacts, IServiceProvider services)
{
    /// <summary>The files a snapshot is built from (the reload watches these).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        B12ContentLoader.FaqFile, B12ContentLoader.MessagesFile, B12ContentLoader.SafetyFile, B12ContentLoader.WalkthroughFile,
        B12ContentLoader.LanguageFile, B12ContentLoader.OutOfScopeFile, HandoffContentLoader.FileName, UnderstandingModel.FileName, ContentEmbeddingCache.FileName,
        LearnedReadingKind.Crisis.FileName, LearnedReadingKind.Emergency.FileName,
    ];

    public string DialogsFolder { get; } = dialogsFolder ?? throw new ArgumentNullException(nameof(dialogsFolder));

    /// <summary>
    /// The first snapshot (version 1) and the fingerprint of the files it was built from: from the files a
    /// <see cref="B12ContentPreload"/> of this folder read ahead, if the container has one, otherwise read now.
    /// </summary>
    /// <exception cref="ContentValidationException">The content has problems (each with its file:line).</exception>
    public (string Fingerprint, B12ContentSnapshot Snapshot) BuildFirst()
    {
        (string Fingerprint, B12Content Content)? preloaded;
        try
        {
            preloaded = services.GetService<B12ContentPreload>()?.Take(DialogsFolder, contacts);
        }
        catch (ContentValidationException invalid)
        {
            // The content files' problems, joined by the other files' problems as any build lists them.
            return (Fingerprint(DialogsFolder), Build(1, requireHandoff: false, content: null, contentProblems: invalid.Problems));
        }

        return preloaded is { } read
            ? (read.Fingerprint, Build(1, requireHandoff: false, read.Content, contentProblems: null))
            : (Fingerprint(DialogsFolder), Build(1));
    }

    /// <param name="requireHandoff">Whether dialogs/handoff.yaml must be there (a reload of content that had it: the live
    /// handoff reads it, so removing the file is refused like any other broken edit).</param>
    /// <exception cref="ContentValidationException">The content has problems (each with its file:line).</exception>
    public B12ContentSnapshot Build(int version, bool requireHandoff = false) => Build(version, requireHandoff, content: null, contentProblems: null);

    /// <summary>The SHA-256 of the content files in <paramref name="dialogsFolder"/> as they are on disk (a missing file counts as empty).</summary>
    public static string Fingerprint(string dialogsFolder)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in Files)
        {
            var path = Path.Combine(dialogsFolder, name);
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\n"));
            try
            {
                hash.AppendData(File.Exists(path) ? File.ReadAllBytes(path) : []);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Unreadable right now: a fingerprint no live content has, so the build reports it.
                hash.AppendData(Guid.NewGuid().ToByteArray());
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <param name="content">The content files already read (a preload), or null to read them here.</param>
    /// <param name="contentProblems">The problems the preload found in the content files, or null.</param>
    private B12ContentSnapshot Build(int version, bool requireHandoff, B12Content? content, IReadOnlyList<ContentProblem>? contentProblems)
    {
        // Every file's problems in one list, as the start-up prints them, so one look shows all there is to fix.
        var problems = new List<ContentProblem>(contentProblems ?? []);
        content ??= contentProblems is null ? Validated(() => B12ContentLoader.Load(DialogsFolder, contacts), problems) : null;
        var handoff = requireHandoff || File.Exists(Path.Combine(DialogsFolder, HandoffContentLoader.FileName))
            ? Validated(() => HandoffContentLoader.Load(DialogsFolder, contacts.EmergencyNumber), problems)
            : null;
        var model = Validated(LoadModel, problems);
        var crisisModel = Validated(() => LoadLearnedReading(LearnedReadingKind.Crisis), problems);
        var emergencyModel = Validated(() => LoadLearnedReading(LearnedReadingKind.Emergency), problems);
        if (content is null || model is null || problems.Count > 0)
        {
            throw new ContentValidationException(problems);
        }

        var embedder = services.GetRequiredService<ISentenceEmbedder>();
        var embeddings = ContentEmbeddingCache.Load(Path.Combine(DialogsFolder, ContentEmbeddingCache.FileName), embedder);
        var cascade = services.GetService<SentenceEmbedderOptions>()?.Cascade ?? true;
        // The triage's phrases take about as long to build as the matcher, so they are built on another core meanwhile. The
        // triage asks the matcher's analyzer about words only when it screens, after both are built.
        FaqMatcher? matcher = null;
        var building = Task.Run(() => new SafetyTriage(content.Safety, word => matcher!.Analyzer.IsKnownWord(word), crisisModel, emergencyModel));
        matcher = new FaqMatcher(content, embedder, model, embeddings, cascade ? StaticSentenceEmbedder.Instance : null);
        var triage = building.GetAwaiter().GetResult();
        var replies = new SafetyReplies(content);
        var backstop = new SafetyBackstop(content.Safety.Backstop, matcher, embedder, embeddings, cascade ? StaticSentenceEmbedder.Instance : null);
        var triageMiddleware = ActivatorUtilities.CreateInstance<SafetyTriageMiddleware>(services, triage, replies, backstop);

        // The dialogs take this content; everything else they need (state, settings, loggers) from the container.
        var commands = new CommandInterruption(matcher);
        var symptomCheck = ActivatorUtilities.CreateInstance<SymptomCheckDialog>(services, matcher, content, commands);
        var reactionCheck = ActivatorUtilities.CreateInstance<PossibleReactionCheckDialog>(services, content, replies);
        var forgetMe = ActivatorUtilities.CreateInstance<ForgetMeDialog>(services, content);
        var consent = ActivatorUtilities.CreateInstance<ConsentDialog>(services, content);
        var mainDialog = ActivatorUtilities.CreateInstance<MainDialog>(services, matcher, content, symptomCheck, reactionCheck, forgetMe, consent, commands);
        var bot = ActivatorUtilities.CreateInstance<B12DialogBot>(services, mainDialog, content);
        return new B12ContentSnapshot(version, content, handoff, model, embeddings, matcher, triage, replies, triageMiddleware, bot);
    }

    private static T? Validated<T>(Func<T> load, List<ContentProblem> problems)
        where T : class
    {
        try
        {
            return load();
        }
        catch (ContentValidationException invalid)
        {
            problems.AddRange(invalid.Problems);
            return null;
        }
    }

    /// <summary>The model file's problems join the content's, as a file:line problem, so a broken edit is refused the same way.</summary>
    private UnderstandingModel LoadModel() => LoadModelFile(UnderstandingModel.FileName, UnderstandingModel.Load);

    /// <summary>A learned safety reading (crisis, emergency); a missing file is a problem like any other (the safety triage must not quietly lose it).</summary>
    private LearnedSafetyReading LoadLearnedReading(LearnedReadingKind kind) => LoadModelFile(kind.FileName, path => LearnedSafetyReading.Load(path, kind));

    private T LoadModelFile<T>(string fileName, Func<string, T> load)
    {
        try
        {
            return load(Path.Combine(DialogsFolder, fileName));
        }
        catch (InvalidOperationException e)
        {
            var line = e.InnerException is System.Text.Json.JsonException { LineNumber: { } zeroBased } ? (int)zeroBased + 1 : 1;
            var message = e.Message.StartsWith(DialogsFolder, StringComparison.Ordinal) ? e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..] : e.Message;
            throw new ContentValidationException([new ContentProblem(fileName, line, message)]);
        }
    }
}

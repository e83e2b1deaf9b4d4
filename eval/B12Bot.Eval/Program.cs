using B12Bot.Conversation.Content;
using B12Bot.Eval;
using B12Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Runs a message set through POST /api/messages with expectReplies, one conversation per case, and prints the figures per
// key: emergency, crisis, poisoning, possible reaction, no emergency, FAQ accuracy, out of scope (and what those replies
// were), benign, walkthrough starts, commands, small talk; for tuning sets also accuracy per FAQ entry, the confusion
// list and every miss (held-out sets: figures only, unless --details).
//   dotnet run --project eval/B12Bot.Eval [-- --set eval/dev-set.json] [--url http://localhost:3978] [--details] [--transcript] [--triage-timing] [--triage FILE] [--explain FILE]
//   [--explain messages.txt]  (in-process only: how each stage reads each line; for diagnosing misses)
//   [--backstop-explain messages.txt]  (in-process only: the safety rules and the semantic backstop on each line; dev data only)
// Without --url it starts the bot in-process on a loopback port (in-memory state) and stops it afterwards.
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var repoRoot = FindRepoRoot();
var setPath = Option("--set") ?? Path.Combine(repoRoot, "eval", "dev-set.json");
var set = EvalSet.Load(setPath);
var content = B12ContentLoader.Load(Path.Combine(repoRoot, "dialogs"));
if (args.Contains("--triage-timing"))
{
    // The safety triage's cost on ordinary and hostile input, in-process (no bot needed).
    TriageTiming.Print(content, set, Console.Out);
    return 0;
}

WebApplication? app = null;
var url = Option("--url");
if (url is null)
{
    // The repository's dialogs/, not the build output's copy: a refit or new embeddings count without a rebuild.
    app = B12BotApplication.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", "--BotState:Provider", "Memory", "--Logging:LogLevel:Default", "Warning",
        "--B12Bot:DialogsPath", Path.Combine(repoRoot, "dialogs")]);
    await app.StartAsync();
    url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}

if (Option("--explain") is { } explainFile && app is not null)
{
    // Each message of the file (one a line) as every stage reads it: the safety triage (which reads first), clauses,
    // top intents per evidence, the decision.
    var snapshot = app.Services.GetRequiredService<B12ContentSource>().Current;
    foreach (var line in File.ReadLines(explainFile).Where(l => !string.IsNullOrWhiteSpace(l)))
    {
        await MatchExplanation.PrintAsync(snapshot.Matcher, snapshot.Triage, line, Console.Out);
    }

    await app.StopAsync();
    return 0;
}

if (Option("--triage") is { } triageFile && app is not null)
{
    // Each message of the file (one a line) with the safety rules' verdict only, tab-separated: fast enough to compare
    // two versions of the rules over every eval message.
    var triage = app.Services.GetRequiredService<B12ContentSource>().Current.Triage;
    foreach (var line in File.ReadLines(triageFile).Where(l => !string.IsNullOrWhiteSpace(l)))
    {
        var verdict = triage.Screen(line);
        Console.Out.WriteLine($"{verdict.Class}\t{verdict.RuleId}\t{line}");
    }

    await app.StopAsync();
    return 0;
}

if (Option("--backstop-explain") is { } backstopFile && app is not null)
{
    // Each message of the file (one a line): the rules, the understanding's reading and the backstop's similarities.
    var snapshot = app.Services.GetRequiredService<B12ContentSource>().Current;
    var backstop = new B12Bot.Conversation.Safety.SafetyBackstop(snapshot.Content.Safety.Backstop, snapshot.Matcher,
        app.Services.GetRequiredService<B12Bot.Conversation.Understanding.ISentenceEmbedder>(), snapshot.Embeddings,
        B12Bot.Conversation.Understanding.StaticSentenceEmbedder.Instance);
    await BackstopExplanation.PrintAsync(snapshot, backstop, File.ReadLines(backstopFile).Where(l => !string.IsNullOrWhiteSpace(l)), Console.Out);
    await app.StopAsync();
    return 0;
}

using var http = new HttpClient { BaseAddress = new Uri(url) };
if (args.Contains("--transcript"))
{
    // A sample visit, printed as Markdown: the README's sample conversation is this output.
    string[] visit = ["are mic b12 injections safe?", "Common side effects", "how long does it take to work", "check my symptoms", "no", "no", "no", "yes", "not sure", "no", "no", "no", "not tested", "my lips are swelling and I can't breathe"];
    await SampleConversation.PrintAsync(http, visit, Console.Out);
    if (app is not null)
    {
        await app.StopAsync();
    }

    return 0;
}

var bot = new BotClient(http);
var safety = content.Safety;
var safetyTexts = new SafetyTexts(safety.UrgentMessage.Trim(), safety.CrisisMessage, safety.PoisoningMessage, safety.ReactionCheck.Question.Trim(),
    safety.ReactionCheck.Yes, safety.ReactionCheck.No, B12ContentLoader.DefaultCrisisLine, B12ContentLoader.DefaultPoisonControlNumber);
var report = new EvalReport(content.Messages.OutOfScope.Trim(), safetyTexts, new ReplyReader(content, safetyTexts));
foreach (var faqCase in set.Faq)
{
    foreach (var said in faqCase.Says)
    {
        report.Faq(faqCase, said, await bot.AskAsync(said));
    }
}

foreach (var said in set.Emergency)
{
    report.Emergency(said, await bot.AskAsync(said));
}

foreach (var said in set.Crisis)
{
    report.Crisis(said, await bot.AskAsync(said));
}

foreach (var said in set.Poisoning)
{
    report.Poisoning(said, await bot.AskAsync(said));
}

foreach (var said in set.PossibleReaction)
{
    report.PossibleReaction(said, await bot.AskAsync(said));
}

foreach (var noEmergency in set.NoEmergency)
{
    report.NoEmergency(noEmergency, await bot.AskAsync(noEmergency.Said));
}

foreach (var said in set.Benign)
{
    report.Benign(said, await bot.AskAsync(said));
}

foreach (var said in set.OutOfScope)
{
    report.OutOfScope(said, await bot.AskAsync(said));
}

foreach (var said in set.WalkthroughStart)
{
    report.WalkthroughStart(said, await bot.AskAsync(said));
}

foreach (var (command, said) in set.Commands)
{
    report.Command(command, said, await bot.AskAsync(said));
}

foreach (var (intent, said) in set.SmallTalk)
{
    report.SmallTalk(intent, said, await bot.AskAsync(said));
}

// Held-out sets (the test set and first-look batches) print figures per key only: their per-message results are not
// read, so they cannot become tuning data. --details overrides (for a lead's deliberate look).
var fileName = Path.GetFileName(setPath);
var heldOut = fileName.Contains("test-set", StringComparison.OrdinalIgnoreCase) || fileName.StartsWith("fresh-", StringComparison.OrdinalIgnoreCase)
              || fileName.Contains("holdout", StringComparison.OrdinalIgnoreCase);
Console.WriteLine($"set: {Path.GetFullPath(setPath)}  bot: {url}/api/messages");
report.Print(Console.Out, details: !heldOut || args.Contains("--details"));
if (app is not null)
{
    // Counts only (no message text): how many free-text messages the cascade's first stage decided alone.
    var matcher = app.Services.GetRequiredService<B12Bot.Conversation.Content.B12ContentSource>().Current.Matcher;
    var (decided, sent) = matcher.Routing;
    Console.WriteLine(matcher.HasFirstStage
        ? $"cascade: {decided} free-text message(s) decided by the first stage, {sent} reached the sentence-embedding model ({sent / (double)Math.Max(1, decided + sent):P1})"
        : $"cascade off (SentenceEmbedder:Cascade): all {sent} free-text message(s) reached the sentence-embedding model");
    await app.StopAsync();
}

// Exit 1 when a life-safety bar is missed: every emergency, crisis and poisoning message, and no benign false alarm.
var allRecalled = ((string[])["emergency", "crisis", "poisoning"]).All(c => report.Figures(c) is var (passed, total) && passed == total);
return allRecalled && report.BenignFalseAlarms == 0 ? 0 : 1;

static string FindRepoRoot()
{
    var folder = new DirectoryInfo(AppContext.BaseDirectory);
    while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "B12Bot.sln")))
    {
        folder = folder.Parent;
    }

    return folder?.FullName
        ?? typeof(EvalSet).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value
        ?? Directory.GetCurrentDirectory();
}

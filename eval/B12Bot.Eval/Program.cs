using B12Bot.Conversation.Content;
using B12Bot.Eval;
using B12Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

// Runs a message set through POST /api/messages with expectReplies, one conversation per case, and prints FAQ accuracy,
// emergency recall, false alarms on benign messages and out-of-scope handling.
//   dotnet run --project eval/B12Bot.Eval [-- --set eval/dev-set.json] [--url http://localhost:3978] [--transcript]
// Without --url it starts the bot in-process on a loopback port (in-memory state) and stops it afterwards.
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

var repoRoot = FindRepoRoot();
var setPath = Option("--set") ?? Path.Combine(repoRoot, "eval", "dev-set.json");
var set = EvalSet.Load(setPath);
var content = B12ContentLoader.Load(Path.Combine(repoRoot, "dialogs"));
WebApplication? app = null;
var url = Option("--url");
if (url is null)
{
    app = B12BotApplication.Build(["--urls", "http://127.0.0.1:0", "--BotState:Provider", "Memory", "--Logging:LogLevel:Default", "Warning"]);
    await app.StartAsync();
    url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
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
var report = new EvalReport(content.Messages.OutOfScope.Trim());
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

foreach (var said in set.Benign)
{
    report.Benign(said, await bot.AskAsync(said));
}

foreach (var said in set.OutOfScope)
{
    report.OutOfScope(said, await bot.AskAsync(said));
}

Console.WriteLine($"set: {Path.GetFullPath(setPath)}  bot: {url}/api/messages");
report.Print(Console.Out);
if (app is not null)
{
    await app.StopAsync();
}

return report.EmergencyPassed == report.EmergencyTotal && report.BenignFalseAlarms == 0 ? 0 : 1;

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

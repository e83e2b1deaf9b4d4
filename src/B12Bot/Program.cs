using B12Bot.Conversation.Content;
using B12Bot.Hosting;
using B12Bot.Transcripts;
using Microsoft.Extensions.Options;

try
{
    if (args is ["unanswered", ..])
    {
        // The content editors' report from the opt-in transcript; the host is built for its settings, never started.
        await using var reporting = B12BotApplication.Build(args[1..]);
        return await UnansweredQuestionsReport.RunAsync(reporting.Services, Console.Out);
    }

    // Disposed on every way out, a failed start included: the container then waits for the sentence-embedding model's
    // load on its own thread, so the process never exits while native code is mid-initialisation (a crash, exit 139).
    await using var app = B12BotApplication.Build(args);
    await app.RunAsync();
}
catch (ContentValidationException invalid)
{
    // A content error is the clinic's to fix: say exactly where, without a stack trace in the way.
    Console.Error.WriteLine(invalid.Message);
    return 1;
}
catch (OptionsValidationException invalid)
{
    // A missing or wrong setting is the operator's to fix: name each one, without a stack trace in the way.
    Console.Error.WriteLine("The bot's settings are not valid:");
    foreach (var failure in invalid.Failures)
    {
        Console.Error.WriteLine($"- {failure}");
    }

    return 1;
}

return 0;


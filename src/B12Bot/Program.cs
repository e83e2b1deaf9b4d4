using B12Bot.Conversation.Content;
using B12Bot.Hosting;
using B12Bot.Transcripts;

try
{
    if (args is ["unanswered", ..])
    {
        // The content editors' report from the opt-in transcript; the host is built for its settings, never started.
        await using var reporting = B12BotApplication.Build(args[1..]);
        return await UnansweredQuestionsReport.RunAsync(reporting.Services, Console.Out);
    }

    B12BotApplication.Build(args).Run();
}
catch (ContentValidationException invalid)
{
    // A content error is the clinic's to fix: say exactly where, without a stack trace in the way.
    Console.Error.WriteLine(invalid.Message);
    return 1;
}

return 0;


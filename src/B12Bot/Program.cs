using B12Bot.Conversation.Content;
using B12Bot.Hosting;

try
{
    B12BotApplication.Build(args).Run();
}
catch (ContentValidationException invalid)
{
    // A content error is the clinic's to fix: say exactly where, without a stack trace in the way.
    Console.Error.WriteLine(invalid.Message);
    return 1;
}

return 0;


using B12Bot.Hosting;

B12BotApplication.Build(args).Run();

/// <summary>The host's entry point, public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;

using B12Bot.Admin;
using B12Bot.Conversation;
using B12Bot.Conversation.Content;
using B12Bot.Conversation.Privacy;
using B12Bot.Transcripts;
using B12Bot.Conversation.Handoff;
using B12Bot.Handoff;
using B12Bot.Conversation.Understanding;
using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.DirectLine;

namespace B12Bot.Hosting;

/// <summary>
/// Builds the B12Bot web application. Program.cs runs it; the evaluation command and benchmarks start the same
/// application in-process on a loopback port, so they measure exactly what users meet.
/// </summary>
public static partial class B12BotApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ResolveContentRoot() });
        builder.Configuration.AddRootAppSettings(builder.Environment.EnvironmentName);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            // The Bot Framework's customary local port; ASPNETCORE_URLS or --urls override it.
            builder.WebHost.UseUrls("http://localhost:3978");
        }

        var botOptions = builder.Configuration.GetSection(B12BotOptions.SectionName).Get<B12BotOptions>() ?? new B12BotOptions();
        if (!PrivacySettings.IsValidNoticeUrl(botOptions.PrivacyNoticeUrl))
        {
            throw new InvalidOperationException("B12Bot:PrivacyNoticeUrl must be an absolute http(s) address.");
        }

        // The content files are read and validated on another core while the services are registered and the container
        // is built here (both are on the way to the first answer); the content's first snapshot takes them.
        builder.Services.AddSingleton(B12ContentPreload.Start(botOptions.ResolveDialogsPath(), botOptions.SafetyContacts()));

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddBotFrameworkAuthentication(builder.Configuration);
        builder.Services.AddBotHttpAdapter(builder.Configuration);
        builder.Services.AddBotStateStorage(builder.Configuration);
        builder.Services.AddTeamsServices();
        builder.Services.AddTranscriptStore(builder.Configuration);

        // The B12 bot: content from dialogs/, the FAQ matcher, the safety triage (middleware, before any dialog), dialogs.
        builder.Services.AddSingleton(botOptions.PrivacySettings());
        builder.Services.AddUserDataEraser();

        // Human handoff (issue 13); its middleware takes its place in TurnPipeline.
        builder.Services.AddHandoffHosting(builder.Configuration, botOptions.ResolveDialogsPath(), botOptions.EmergencyNumber);
        builder.Services.AddB12Conversation(botOptions.ResolveDialogsPath(), botOptions.SafetyContacts());
        builder.Services.AddSentenceEmbedder(builder.Configuration.GetSection(SentenceEmbedderOptions.SectionName).Get<SentenceEmbedderOptions>());
        builder.Services.AddHostedService<BotWarmUpService>();
        if (botOptions.Content.ReloadOnChange)
        {
            // Edits of dialogs/ apply without a restart once valid (ContentReloadService); off: only at start.
            builder.Services.AddSingleton(botOptions.Content);
            builder.Services.AddHostedService<ContentReloadService>();
        }

        // The turn pipeline (middleware order and error handler) is declared in TurnPipeline.cs, nowhere else.
        builder.Services.AddTurnPipeline(builder.Configuration);

        builder.Services.AddDirectLineChannel(builder.Configuration);
        builder.AddHostSecurity();
        builder.Services.AddB12HealthChecks();
        builder.AddB12Telemetry();
        builder.AddClinicDashboard();
        configure?.Invoke(builder);

        var app = builder.Build();
        StartupTimeline.Mark("host built");

        // The content is loaded and checked here, before any hosted service starts: a content error then reaches
        // Program as it is (its file:line list), not logged first by the host with a stack trace.
        try
        {
            app.Services.GetRequiredService<B12ContentSource>();
        }
        catch
        {
            // The container may already be loading the sentence-embedding model on another thread: disposing it waits
            // for that load, so the process never exits while native code is still initialising (a crash, exit 139).
            ((IDisposable)app).Dispose();
            throw;
        }

        StartupTimeline.Mark("content ready");
        app.Lifetime.ApplicationStarted.Register(() => StartupTimeline.Mark("listening"));
        if (botOptions.PrivacyNoticeUrl?.Host.EndsWith(".example", StringComparison.OrdinalIgnoreCase) == true && !app.Environment.IsDevelopment())
        {
            // appsettings.json ships a placeholder address: visitors would be sent to a page that does not exist.
            LogPlaceholderPrivacyNotice(app.Logger);
        }

        // The request pipeline, in order: the start-up timeline (logged after the first answer), security (forwarded
        // headers, HSTS, headers, redacted errors), the page's static files, the Direct Line channel's WebSockets, CORS
        // and rate limits; then the endpoints.
        app.UseStartupTimeline(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTimeline).FullName!));
        app.UseHostSecurity();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseDirectLineChannel();
        app.MapDirectLineChannel();
        app.MapBotMessages();
        app.MapB12HealthChecks();
        app.MapB12Telemetry();
        app.MapClinicDashboard();
        return app;
    }

    /// <summary>
    /// The folder with the page (wwwroot): the current one under `dotnet run` (the project folder, so page edits show
    /// at once), otherwise the copy beside the binary, so the host serves the page wherever it is started from.
    /// </summary>
    private static string? ResolveContentRoot()
    {
        if (Directory.Exists(Path.Combine(Directory.GetCurrentDirectory(), "wwwroot")))
        {
            return null;
        }

        return Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "B12Bot:PrivacyNoticeUrl is still the placeholder (clinic.example): set the clinic's privacy notice address before visitors see the welcome")]
    private static partial void LogPlaceholderPrivacyNotice(ILogger logger);
}

using B12Bot.Hosting;
using BotRuntime.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddRootAppSettings(builder.Environment.EnvironmentName);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // The Bot Framework's customary local port; ASPNETCORE_URLS or --urls override it.
    builder.WebHost.UseUrls("http://localhost:3978");
}

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddBotStateStorage(builder.Configuration);
builder.Services.AddBotHttpAdapter(builder.Configuration);
builder.Services.AddHealthChecks();

var app = builder.Build();

app.MapBotMessages();
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>The host's entry point, public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;

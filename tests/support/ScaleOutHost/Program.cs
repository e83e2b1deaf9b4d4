using BotRuntime.AspNetCore;
using BotRuntime.Builder;
using BotRuntime.State;
using BotRuntime.Storage;
using BotRuntime.Storage.AzureBlobs;
using BotRuntime.Storage.PostgreSql;
using BotRuntime.Storage.Sqlite;
using ScaleOutHost;
using IMiddleware = BotRuntime.Builder.IMiddleware;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddBotState(builder.Configuration)
    .AddMemoryStore()
    .AddSqliteStore()
    .AddPostgreSqlStore()
    .AddAzureBlobStore();
builder.Services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(
    [sp.GetRequiredService<ConversationState>()], new AutoSaveOptions(), sp.GetRequiredService<ILogger<AutoSaveStateMiddleware>>()));
builder.Services.AddSingleton<ITurnErrorHandler, ApologizeAndResetErrorHandler>();
builder.Services.AddSingleton<IBot, CountingBot>();
builder.Services.AddBotHttpAdapter(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name);

var app = builder.Build();
app.MapBotMessages();
app.MapHealthChecks("/readyz");
app.Run();

using BotRuntime.AspNetCore;
using BotRuntime.AspNetCore.DirectLine;
using BotRuntime.DirectLine.PostgreSql;
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
// Direct Line as the B12Bot host has it: with BotState:Provider PostgreSql the history is shared by the instances.
builder.Services.AddPostgreSqlDirectLineHistory(builder.Configuration);
builder.Services.AddDirectLineChannel(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>(StorageHealthCheck.Name);

var app = builder.Build();
app.UseDirectLineChannel();
app.MapDirectLineChannel();
app.MapBotMessages();
app.MapHealthChecks("/readyz");
app.Run();

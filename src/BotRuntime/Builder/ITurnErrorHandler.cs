namespace BotRuntime.Builder;

/// <summary>What an adapter does when a turn throws (the SDK's OnTurnError).</summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception);
}

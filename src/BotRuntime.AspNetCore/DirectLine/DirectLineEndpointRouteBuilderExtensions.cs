using Microsoft.AspNetCore.Builder;

namespace BotRuntime.AspNetCore.DirectLine;

public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds the WebSocket, CORS and rate-limiting middleware and maps the Direct Line 3.0 endpoints (<c>/v3/directline/...</c>) and the
    /// page's <c>/webchat/config</c> and <c>/webchat/token</c>. Call after <c>AddDirectLineChannel</c>.
    /// </summary>
    public static WebApplication MapDirectLineChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.UseCors();
        app.UseRateLimiter();

        var directLine = app.MapGroup(DirectLineEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        DirectLineEndpoints.Map(directLine);

        var page = app.MapGroup(WebChatPageEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        WebChatPageEndpoints.Map(page);
        return app;
    }
}

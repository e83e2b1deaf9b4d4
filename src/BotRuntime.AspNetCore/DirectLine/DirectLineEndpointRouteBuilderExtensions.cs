using Microsoft.AspNetCore.Builder;

namespace BotRuntime.AspNetCore.DirectLine;

public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Adds the WebSocket and CORS middleware and maps the Direct Line 3.0 endpoints (<c>/v3/directline/...</c>) and the
    /// page's <c>/webchat/config</c> and <c>/webchat/token</c>. Call after <c>AddDirectLineChannel</c>.
    /// </summary>
    public static WebApplication MapDirectLineChannel(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.UseCors();

        var directLine = app.MapGroup(DirectLineEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        DirectLineEndpoints.Map(directLine);

        var page = app.MapGroup(WebChatPageEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        WebChatPageEndpoints.Map(page);
        return app;
    }
}

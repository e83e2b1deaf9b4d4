using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace BotRuntime.AspNetCore.DirectLine;

public static class DirectLineEndpointRouteBuilderExtensions
{
    /// <summary>
    /// The request middleware the channel needs: WebSockets (the streams), CORS (the sites in DirectLine:AllowedOrigins)
    /// and rate limiting (the policies <c>AddDirectLineChannel</c> registers). The host calls it where it declares its
    /// middleware order, before mapping the endpoints.
    /// </summary>
    public static IApplicationBuilder UseDirectLineChannel(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWebSockets().UseCors().UseRateLimiter();
    }

    /// <summary>
    /// Maps the Direct Line 3.0 endpoints (<c>/v3/directline/...</c>) and the page's <c>/webchat/config</c> and
    /// <c>/webchat/token</c>. Needs <c>AddDirectLineChannel</c> and, in the request pipeline, <see cref="UseDirectLineChannel"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapDirectLineChannel(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var directLine = endpoints.MapGroup(DirectLineEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        DirectLineEndpoints.Map(directLine);

        var page = endpoints.MapGroup(WebChatPageEndpoints.BasePath).RequireCors(DirectLineServiceCollectionExtensions.CorsPolicyName);
        WebChatPageEndpoints.Map(page);
        return endpoints;
    }
}

using BotRuntime.AspNetCore.DirectLine.Tokens;
using BotRuntime.AspNetCore.DirectLine.Wire;
using BotRuntime.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>
/// What the chat page (or a site embedding it) calls before Direct Line: <c>GET /webchat/config</c> says which
/// Direct Line to use and where to get a token; <c>POST /webchat/token</c> is the token endpoint a site exposes, so
/// the Direct Line secret never reaches a browser.
/// </summary>
public static class WebChatPageEndpoints
{
    public const string BasePath = "/webchat";

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapGet("/config", GetConfigAsync);
        group.MapPost("/token", CreateTokenAsync).RequireRateLimiting(DirectLineRateLimits.WebChatTokensPolicy);
    }

    private static Task GetConfigAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;
        var page = options.WebChat;
        var baseUrl = DirectLineEndpoints.PublicBaseUrl(context, options);
        var config = new WebChatConfig
        {
            Domain = string.IsNullOrEmpty(page.Domain) ? baseUrl + DirectLineEndpoints.BasePath : page.Domain.TrimEnd('/'),
            TokenUrl = string.IsNullOrEmpty(page.TokenUrl) ? baseUrl + BasePath + "/token" : page.TokenUrl,
            WebSocket = page.WebSocket,
            PollingInterval = Math.Max(200, page.PollingIntervalMs),
            BotName = options.BotName,
            Locale = page.Locale,
            SelfHosted = string.IsNullOrEmpty(page.Domain),
        };
        return JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, config, DirectLineJsonContext.Default.WebChatConfig, context.RequestAborted);
    }

    private static async Task CreateTokenAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var token = await services.GetRequiredService<IWebChatTokenSource>().CreateAsync(context.RequestAborted).ConfigureAwait(false);
        if (token is null)
        {
            await JsonHttp.WriteErrorAsync(context.Response, StatusCodes.Status502BadGateway, "TokenServiceUnavailable", "The chat service is not reachable right now; please try again shortly.", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await JsonHttp.WriteJsonAsync(context.Response, StatusCodes.Status200OK, token, DirectLineJsonContext.Default.WebChatToken, context.RequestAborted).ConfigureAwait(false);
    }
}

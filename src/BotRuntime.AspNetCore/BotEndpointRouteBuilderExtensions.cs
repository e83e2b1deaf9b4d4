using BotRuntime.Builder;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BotRuntime.AspNetCore;

public static class BotEndpointRouteBuilderExtensions
{
    /// <summary>Maps the messaging endpoint for every method, so that anything but POST gets a clear 405.</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.Map(pattern, context =>
        {
            var services = context.RequestServices;
            return services.GetRequiredService<BotHttpAdapter>().ProcessAsync(context, services.GetRequiredService<IBot>(), context.RequestAborted);
        });
}

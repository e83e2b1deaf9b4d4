using B12Bot.Conversation.Handoff;

namespace B12Bot.Handoff;

public static class HandoffHostingExtensions
{
    /// <summary>
    /// The handoff's services with the host's Teams and Direct Line implementations, from the "Handoff" settings.
    /// Middleware placement is the caller's: see <see cref="HandoffServiceCollectionExtensions"/>.
    /// </summary>
    public static IServiceCollection AddHandoffHosting(this IServiceCollection services, IConfiguration configuration, string dialogsFolder, string emergencyNumber)
    {
        var options = configuration.GetSection(HandoffOptions.SectionName).Get<HandoffOptions>() ?? new HandoffOptions();
        services.AddHandoff(dialogsFolder, emergencyNumber, options);
        services.AddSingleton<IClinicChannelClient, TeamsClinicChannelClient>();
        services.AddSingleton<IVisitorMessenger, DirectLineVisitorMessenger>();
        if (options.Enabled)
        {
            services.AddHostedService<HandoffSweepService>();
        }

        return services;
    }
}

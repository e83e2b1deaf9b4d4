using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace B12Bot.Admin;

/// <summary>
/// The clinic dashboard: the aggregator and its store always (the counts are kept whether or not anyone looks), and
/// /admin with its sign-in when B12Bot:Admin has an operator key or Entra ID settings; without either, /admin is off.
/// </summary>
public static class AdminHostingExtensions
{
    public static WebApplicationBuilder AddClinicDashboard(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AdminOptions.SectionName).Get<AdminOptions>() ?? new AdminOptions();
        if (options.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(AdminOptions.SectionName, typeof(AdminOptions), problems);
        }

        var configuration = builder.Configuration;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => DashboardTotalsStore.Create(sp, configuration, options));
        builder.Services.AddSingleton<DashboardAggregator>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardAggregator>());
        builder.Services.AddSingleton<DashboardSummaryService>();
        builder.Services.AddSingleton<AdminAccess>();
        if (options.EntraEnabled)
        {
            AddEntraSignIn(builder.Services, options);
        }

        return builder;
    }

    public static WebApplication MapClinicDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<AdminOptions>();
        if (!options.Enabled)
        {
            return app;
        }

        if (options.EntraEnabled)
        {
            // Only the OpenID Connect callback: no default scheme, so nothing else is signed in on other paths.
            app.UseAuthentication();
        }

        AdminEndpoints.Map(app, options);
        return app;
    }

    private static void AddEntraSignIn(IServiceCollection services, AdminOptions options)
    {
        var authority = new Uri(options.Instance, options.TenantId + "/v2.0").AbsoluteUri;
        services.AddAuthentication()
            .AddJwtBearer(AdminAccess.EntraBearerScheme, bearer =>
            {
                bearer.Authority = authority;
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters.ValidAudiences = [options.ClientId!, "api://" + options.ClientId];
            })
            .AddCookie(AdminAccess.EntraCookieScheme, cookie =>
            {
                cookie.Cookie.Name = "__Host-B12Bot-Admin-Entra";
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.ExpireTimeSpan = options.SessionLifetime;
                cookie.SlidingExpiration = false;
                // Never a redirect on its own: /admin answers 401 with the sign-in choices.
                cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
                cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
            })
            .AddOpenIdConnect(AdminAccess.EntraOpenIdScheme, oidc =>
            {
                oidc.Authority = authority;
                oidc.ClientId = options.ClientId;
                oidc.SignInScheme = AdminAccess.EntraCookieScheme;
                oidc.CallbackPath = "/admin/signin-oidc";
                oidc.SignedOutCallbackPath = "/admin/signout-oidc";
                oidc.MapInboundClaims = false;
                oidc.SaveTokens = false;
                oidc.ResponseMode = OpenIdConnectResponseMode.FormPost;
                // A sign-in answer that fails its checks (another app's token, a nonce or state this sign-in never
                // sent): back to the sign-in page without a session, never an error page.
                oidc.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect("/admin");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
                if (string.IsNullOrEmpty(options.ClientSecret))
                {
                    oidc.ResponseType = OpenIdConnectResponseType.IdToken;
                }
                else
                {
                    oidc.ClientSecret = options.ClientSecret;
                    oidc.ResponseType = OpenIdConnectResponseType.Code;
                }
            });
    }

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The dashboard's HTML pages ship inside the assembly: outside wwwroot, so only a signed-in request gets them.</summary>
    internal static string Page(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("B12Bot.Admin." + name)
            ?? throw new InvalidOperationException($"The page {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

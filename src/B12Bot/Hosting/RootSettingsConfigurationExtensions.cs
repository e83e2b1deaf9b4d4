namespace B12Bot.Hosting;

public static class RootSettingsConfigurationExtensions
{
    /// <summary>
    /// The product keeps appsettings.json at the repository root; the build copies it beside the binary. It is added
    /// beneath every other source, so environment variables, --urls and the command line still override it.
    /// </summary>
    public static ConfigurationManager AddRootAppSettings(this ConfigurationManager configuration, string environmentName)
    {
        var folder = AppContext.BaseDirectory;
        IConfigurationBuilder builder = configuration;
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(folder, $"appsettings.{environmentName}.json"),
            Optional = true,
            FileProvider = null,
        });
        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = Path.Combine(folder, "appsettings.json"),
            Optional = false,
        });
        foreach (var source in builder.Sources.OfType<Microsoft.Extensions.Configuration.Json.JsonConfigurationSource>())
        {
            source.ResolveFileProvider();
        }

        configuration.Reload();
        return configuration;
    }
}

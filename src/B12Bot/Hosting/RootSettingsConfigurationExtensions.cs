using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace B12Bot.Hosting;

public static class RootSettingsConfigurationExtensions
{
    /// <summary>
    /// The product keeps appsettings.json at the repository root; the build copies it beside the binary. It is added
    /// beneath every other source, so environment variables, --urls and the command line still override it.
    /// </summary>
    public static ConfigurationManager AddRootAppSettings(this ConfigurationManager configuration, string environmentName)
    {
        var files = new PhysicalFileProvider(AppContext.BaseDirectory);
        IConfigurationBuilder builder = configuration;
        builder.Sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = $"appsettings.{environmentName}.json", Optional = true });
        builder.Sources.Insert(0, new JsonConfigurationSource { FileProvider = files, Path = "appsettings.json", Optional = false });
        return configuration;
    }
}

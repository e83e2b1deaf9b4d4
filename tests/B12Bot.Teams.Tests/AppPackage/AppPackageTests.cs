using System.IO.Compression;
using System.Text.Json;
using B12Bot.Teams.Tests.Support;

namespace B12Bot.Teams.Tests.AppPackage;

/// <summary>
/// The documented command (node appPackage/build.mjs) builds the zip an admin sideloads into Teams, and the zip's
/// manifest validates against the Teams schema offline (schemas from the npm package, installed by `npm ci`).
/// </summary>
public sealed class AppPackageTests : IClassFixture<AppPackageTests.Dependencies>, IDisposable
{
    private const string AppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    private readonly string _folder = Directory.CreateTempSubdirectory("b12-app-package-").FullName;

    [Fact]
    public async Task The_build_command_makes_a_sideloadable_zip_whose_manifest_validates()
    {
        var zip = Path.Combine(_folder, "appPackage.zip");

        var build = await NodeCommand.RunAsync(Environment(AppId), "appPackage/build.mjs", "--out", zip);

        Assert.True(build.ExitCode == 0, build.Output);
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());

        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal("1.29", root.GetProperty("manifestVersion").GetString());
        var bot = root.GetProperty("bots")[0];
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var commands = bot.GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString());
        Assert.Equal(["What is B12 for?", "Are B12 shots safe?", "Side effects", "Pills or shots?", "Check my symptoms"], commands);
        Assert.DoesNotContain("${{", root.GetRawText());

        var validate = await NodeCommand.RunAsync(Environment(AppId), "appPackage/validate.mjs", zip);
        Assert.True(validate.ExitCode == 0, validate.Output);
    }

    [Fact]
    public async Task The_Teams_app_id_and_clinic_pages_come_from_configuration()
    {
        var zip = Path.Combine(_folder, "configured.zip");
        var environment = Environment(AppId);
        environment["TeamsAppId"] = "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d";
        environment["TeamsApp__ClinicWebsiteUrl"] = "https://clinic.example.org/";

        var build = await NodeCommand.RunAsync(environment, "appPackage/build.mjs", "--out", zip);

        Assert.True(build.ExitCode == 0, build.Output);
        using var archive = ZipFile.OpenRead(zip);
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal("0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d", manifest.RootElement.GetProperty("id").GetString());
        Assert.Equal(AppId, manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("https://clinic.example.org/", manifest.RootElement.GetProperty("developer").GetProperty("websiteUrl").GetString());
    }

    [Fact]
    public async Task Without_a_bot_app_id_no_package_is_built()
    {
        var zip = Path.Combine(_folder, "none.zip");

        var build = await NodeCommand.RunAsync(Environment("not-a-guid"), "appPackage/build.mjs", "--out", zip);

        Assert.Equal(1, build.ExitCode);
        Assert.Contains("MicrosoftAppId", build.Output);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task The_validator_rejects_a_manifest_that_breaks_the_schema()
    {
        var template = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "appPackage", "manifest.json"))
            .Replace("${{MicrosoftAppId}}", AppId).Replace("${{TeamsAppId}}", AppId)
            .Replace("${{ClinicWebsiteUrl}}", "https://a.example").Replace("${{ClinicPrivacyUrl}}", "https://a.example")
            .Replace("${{ClinicTermsOfUseUrl}}", "https://a.example").Replace("${{ClinicName}}", "Clinic")
            .Replace("\"groupChat\"", "\"groupchat\"")
            .Replace("\"accentColor\": \"#0F766E\"", "\"accentColor\": \"teal\"");
        var manifest = Path.Combine(_folder, "manifest.json");
        File.WriteAllText(manifest, template);

        var validate = await NodeCommand.RunAsync(Environment(AppId), "appPackage/validate.mjs", manifest);

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("/bots/0/scopes", validate.Output);
        Assert.Contains("/accentColor", validate.Output);
    }

    [Fact]
    public void The_icons_have_the_sizes_Teams_requires_and_the_outline_is_white_on_transparent()
    {
        var color = PngImage.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "appPackage", "color.png")));
        var outline = PngImage.Decode(File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "appPackage", "outline.png")));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(4, outline.Channels);
        var visible = 0;
        for (var y = 0; y < 32; y++)
        {
            for (var x = 0; x < 32; x++)
            {
                var (r, g, b, a) = outline[x, y];
                if (a > 0)
                {
                    Assert.Equal((255, 255, 255), (r, g, b));
                    visible++;
                }
            }
        }

        Assert.InRange(visible, 100, 32 * 32 - 100);
        Assert.Equal(0, outline[0, 0].A);

        // The colour icon has a solid background (no transparent corners).
        Assert.Equal(255, color[0, 0].A);
        Assert.Equal(255, color[191, 191].A);
    }

    private static Dictionary<string, string?> Environment(string appId) => new()
    {
        ["MicrosoftAppId"] = appId,
        ["MICROSOFTAPPID"] = null,
        ["TeamsAppId"] = null,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The validator's npm packages, installed once if a fresh clone lacks them.</summary>
    public sealed class Dependencies : IAsyncLifetime
    {
        public Task InitializeAsync() => NodeCommand.EnsureAppPackageDependenciesAsync();

        public Task DisposeAsync() => Task.CompletedTask;
    }
}

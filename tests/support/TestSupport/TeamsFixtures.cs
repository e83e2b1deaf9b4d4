using System.Text.Json;
using BotRuntime.Schema;

namespace TestSupport;

/// <summary>Teams activities as Teams sends them (TeamsActivities/*.json), and the ids they use.</summary>
public static class TeamsFixtures
{
    public const string ClinicTenant = "4b1e6a8c-2f3d-4e5a-9b7c-1d2e3f4a5b6c";
    public const string ForeignTenant = "9f8e7d6c-5b4a-4321-8fed-cba987654321";
    public const string AppId = "5e2b9c1a-7d4f-4a8e-b3c6-2f1d0e9a8b7c";
    public const string BotId = "28:" + AppId;
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";

    public static Activity Load(string name)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "support", "TestSupport", "TeamsActivities", name + ".json");
        return JsonSerializer.Deserialize(File.ReadAllBytes(path), BotJsonContext.Default.Activity)
               ?? throw new InvalidOperationException($"Fixture {name} is empty.");
    }
}

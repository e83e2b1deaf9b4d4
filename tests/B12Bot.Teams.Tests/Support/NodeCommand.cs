using System.Diagnostics;

namespace B12Bot.Teams.Tests.Support;

/// <summary>Runs a repository script with node and collects its exit code and output.</summary>
public static class NodeCommand
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunProgramAsync("node", RepositoryPaths.Root, environment, arguments);

    /// <summary>
    /// Installs appPackage's npm packages from package-lock.json when they are missing (a fresh clone), as
    /// build/test.sh does; after that everything runs offline.
    /// </summary>
    public static async Task EnsureAppPackageDependenciesAsync()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "appPackage");
        if (Directory.Exists(Path.Combine(folder, "node_modules", "@microsoft", "app-manifest")))
        {
            return;
        }

        var install = await RunProgramAsync("npm", folder, new Dictionary<string, string?>(), "ci", "--no-audit", "--no-fund", "--loglevel=error");
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("npm ci in appPackage failed: " + install.Output);
        }
    }

    private static async Task<Result> RunProgramAsync(string program, string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout + await stderr);
    }
}

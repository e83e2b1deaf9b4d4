using System.Diagnostics;
using Npgsql;

namespace BotRuntime.Storage.Tests.Servers;

/// <summary>
/// A throwaway PostgreSQL server for the tests: Debian's binaries, a data directory and a socket directory in a temp
/// folder, listening on a free loopback port, stopped and deleted at the end. PostgreSQL refuses to run as root, so
/// under root it runs as the postgres user the Debian package creates.
/// </summary>
public sealed class PostgreSqlServer : IAsyncLifetime
{
    private string _folder = "";
    private string _binaries = "";

    public int Port { get; private set; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=40;Timeout=5";

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin or on PATH. " +
            "Install Debian's postgresql package (build/test.sh does: apt-get install -y postgresql).");
        _folder = Directory.CreateTempSubdirectory("b12-pg-").FullName;
        var data = Path.Combine(_folder, "data");
        var sockets = Path.Combine(_folder, "sockets");
        Directory.CreateDirectory(sockets);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(_binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        Port = LoopbackPorts.Free();
        var serverOptions = $"-p {Port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        await RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(_folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
    }

    /// <summary>A fresh database on this server, so one test's tables never meet another's.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"CREATE DATABASE {name}");
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the server at once (like a crash), for fault tests; <see cref="StartAgainAsync"/> brings it back.</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);

    public Task StartAgainAsync()
    {
        var serverOptions = $"-p {Port} -k {Path.Combine(_folder, "sockets")} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        return RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder.Length == 0)
        {
            return;
        }

        try
        {
            await StopAsync();
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private async Task RunAsync(string program, string[] arguments, bool asPostgres = true)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asPostgres && Environment.UserName == "root")
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program, .. arguments])
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = program;
            foreach (var a in arguments)
            {
                info.ArgumentList.Add(a);
            }
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}"
                + (File.Exists(log) ? "\nserver.log: " + File.ReadAllText(log) : ""));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL server";
}

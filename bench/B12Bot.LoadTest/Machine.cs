using System.Globalization;

namespace B12Bot.LoadTest;

/// <summary>What else the machine is doing: benchmark figures on a shared machine mean little without it.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>
    /// CPU time (user + system) used so far by a process and its direct children (Linux /proc; zero elsewhere). Children
    /// that ended meanwhile are not counted: measure across a span in which they live (pooled database backends do).
    /// </summary>
    public static TimeSpan ProcessTreeCpu(int processId)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // Fields after the parenthesised command name: state ppid ... utime(14) stime(15), counted from 1.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == processId || parent == processId)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        // USER_HZ is 100 on Linux.
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>Resident memory of a process in MiB (Linux), or null where /proc is not available.</summary>
    public static double? ResidentMiB(int processId)
    {
        var status = $"/proc/{processId}/status";
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        return null;
    }
}

/// <summary>Samples a process's resident memory every 100 ms while a measurement runs.</summary>
internal sealed class ResidentMemorySampler : IAsyncDisposable
{
    private readonly int processId;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public ResidentMemorySampler(int processId)
    {
        this.processId = processId;
        sampling = Task.Run(SampleAsync);
    }

    public double PeakMiB { get; private set; }

    public double LastMiB { get; private set; }

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            if (Machine.ResidentMiB(processId) is { } rss)
            {
                LastMiB = rss;
                PeakMiB = Math.Max(PeakMiB, rss);
            }
        }
        while (await timer.WaitForNextTickAsync(stop.Token).ConfigureAwait(false) is true);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await sampling;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}

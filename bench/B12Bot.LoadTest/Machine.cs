using System.Globalization;

namespace B12Bot.LoadTest;

/// <summary>What else the machine is doing: benchmark figures on a shared machine mean little without it.</summary>
internal static class Machine
{
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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

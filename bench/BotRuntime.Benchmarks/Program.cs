using BotRuntime.Benchmarks;

// `-- storage` prints only the state store's figures.
if (args.Contains("storage"))
{
    await StorageCommitBenchmark.RunAsync();
    return;
}

// `-- turns [warm-up s] [measured s] [name filter]` prints only the B12Bot turn costs (in-process, through the adapter).
if (args.Contains("turns"))
{
    var rest = args.SkipWhile(a => a != "turns").Skip(1).ToArray();
    double Seconds(int i) => rest.Length > i && double.TryParse(rest[i], System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 5;
    await B12TurnCostBenchmark.RunAsync(TimeSpan.FromSeconds(Seconds(0)), TimeSpan.FromSeconds(Seconds(1)), rest.Length > 2 ? rest[2] : null);
    return;
}

// Recognizer figures first: "cold" only means something before anything else has touched the models.
RecognizerWarmUpBenchmark.Run();
await WaterfallTurnBenchmark.RunAsync();
await StorageCommitBenchmark.RunAsync();
await B12TurnCostBenchmark.RunAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));

using BotRuntime.Benchmarks;

// `-- storage` prints only the state store's figures.
if (args.Contains("storage"))
{
    await StorageCommitBenchmark.RunAsync();
    return;
}

// Recognizer figures first: "cold" only means something before anything else has touched the models.
RecognizerWarmUpBenchmark.Run();
await WaterfallTurnBenchmark.RunAsync();
await StorageCommitBenchmark.RunAsync();

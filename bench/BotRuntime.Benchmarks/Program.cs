using BotRuntime.Benchmarks;

// Recognizer figures first: "cold" only means something before anything else has touched the models.
RecognizerWarmUpBenchmark.Run();
await WaterfallTurnBenchmark.RunAsync();

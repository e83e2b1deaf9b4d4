using System.Diagnostics;
using BotRuntime.Dialogs.Choices;
using BotRuntime.Dialogs.Prompts;

namespace BotRuntime.Benchmarks;

/// <summary>
/// What the first user pays when the Recognizers.Text models are built on demand, and what warm-up saves.
/// "Not warmed" uses a culture nothing has touched (German); "after WarmUp" uses Spanish after PromptRecognizers.WarmUp("es-es").
/// Both run after the English cold call, so the JIT cost is already paid and the difference is model construction.
/// </summary>
internal static class RecognizerWarmUpBenchmark
{
    public static void Run()
    {
        Console.WriteLine("== Recognizers.Text models: first-call cost ==");

        var cold = Time(() => PromptRecognizers.RecognizeNumber("twenty two", "en-us"));
        Console.WriteLine($"Process-cold first number recognition (en-us, includes JIT):   {cold,10:N1} ms");
        var coldBoolean = Time(() => BooleanRecognizer.RecognizeBoolean("yep", "en-us"));
        Console.WriteLine($"Process-cold first yes/no recognition (static regexes):          {coldBoolean,10:N1} ms");
        var coldChoice = Time(() => ChoiceRecognizers.RecognizeChoices("the second one", ["Arm", "Thigh"]));
        Console.WriteLine($"Process-cold first choice recognition by ordinal (en-us):        {coldChoice,10:N1} ms");
        var coldDate = Time(() => PromptRecognizers.RecognizeDateTime("tomorrow at 3pm", "en-us", new DateTime(2025, 1, 1)));
        Console.WriteLine($"Process-cold first date-time recognition (en-us):                 {coldDate,10:N1} ms");
        Console.WriteLine();

        Console.WriteLine($"{"model",-10} {"first call, not warmed (de-de)",32} {"first call after WarmUp (es-es)",34} {"steady state (en-us)",22}");
        var warmUp = Time(() => PromptRecognizers.WarmUp("es-es"));
        Report("number", () => PromptRecognizers.RecognizeNumber("zweiundzwanzig", "de-de"), () => PromptRecognizers.RecognizeNumber("veintidós", "es-es"),
            () => PromptRecognizers.RecognizeNumber("twenty two", "en-us"));
        Report("ordinal", () => PromptRecognizers.RecognizeOrdinal("der zweite", "de-de"), () => PromptRecognizers.RecognizeOrdinal("el segundo", "es-es"),
            () => PromptRecognizers.RecognizeOrdinal("the second one", "en-us"));
        Report("currency", () => PromptRecognizers.RecognizeNumberWithUnit("20 Euro", "de-de"), () => PromptRecognizers.RecognizeNumberWithUnit("20 euros", "es-es"),
            () => PromptRecognizers.RecognizeNumberWithUnit("$20", "en-us"));
        Report("datetime", () => PromptRecognizers.RecognizeDateTime("morgen um 15 Uhr", "de-de", new DateTime(2025, 1, 1)),
            () => PromptRecognizers.RecognizeDateTime("mañana a las 3", "es-es", new DateTime(2025, 1, 1)),
            () => PromptRecognizers.RecognizeDateTime("tomorrow at 3pm", "en-us", new DateTime(2025, 1, 1)));
        Console.WriteLine($"PromptRecognizers.WarmUp(\"es-es\") itself took {warmUp:N1} ms (call it at host start).");
        var choiceOnly = Time(() => PromptRecognizers.WarmUp("fr-fr", RecognizerModels.Choice));
        Console.WriteLine($"PromptRecognizers.WarmUp(\"fr-fr\", RecognizerModels.Choice) took {choiceOnly:N1} ms (what choice and confirm prompts need).");
        Console.WriteLine();
    }

    private static void Report(string name, Action notWarmed, Action warmed, Action steady)
    {
        var first = Time(notWarmed);
        var afterWarmUp = Time(warmed);
        const int iterations = 200;
        var total = Time(() =>
        {
            for (var i = 0; i < iterations; i++)
            {
                steady();
            }
        });
        Console.WriteLine($"{name,-10} {first,29:N2} ms {afterWarmUp,31:N2} ms {total * 1000 / iterations,18:N1} µs");
    }

    private static double Time(Action action)
    {
        var stopwatch = Stopwatch.StartNew();
        action();
        return stopwatch.Elapsed.TotalMilliseconds;
    }
}

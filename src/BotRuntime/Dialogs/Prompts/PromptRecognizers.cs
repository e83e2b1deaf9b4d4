using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using BotRuntime.Dialogs.Choices;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Microsoft.Recognizers.Text.Number;
using Microsoft.Recognizers.Text.NumberWithUnit;

namespace BotRuntime.Dialogs.Prompts;

/// <summary>
/// The Microsoft.Recognizers.Text models the prompts use, built once per culture and shared by every turn.
/// Building a model compiles many regular expressions (tens to hundreds of milliseconds); call <see cref="WarmUp"/>
/// at start so the first user does not pay for it.
/// </summary>
public static class PromptRecognizers
{
    /// <summary>Longer utterances are not given to the recognizers: no one types a number or date that long, and it bounds the work per turn.</summary>
    public const int MaxUtteranceLength = 2048;

    /// <summary>The recognizers' own regex timeout, so odd input cannot stall a turn.</summary>
    private const int RegexTimeoutMilliseconds = 1000;

    private static readonly ConcurrentDictionary<(ModelKind Kind, string Culture), Lazy<IModel>> Models = new();

    private enum ModelKind
    {
        Number,
        Ordinal,
        Currency,
        Age,
        Temperature,
        Dimension,
        DateTime,
    }

    /// <summary>
    /// Builds and exercises the chosen models for <paramref name="culture"/> (default en-us) so later calls are fast.
    /// Call it at host start, or in the background just after, for each language the bot serves.
    /// </summary>
    public static void WarmUp(string? culture = null, RecognizerModels models = RecognizerModels.All)
    {
        var mapped = MapCulture(culture);
        foreach (var kind in Enum.GetValues<ModelKind>())
        {
            if ((models & FlagOf(kind)) == 0)
            {
                continue;
            }

            var model = GetModel(kind, mapped);
            // Parsing text of the model's own language also runs (and JIT-compiles) its parsing paths, not just its construction.
            var sample = WarmUpSample(mapped);
            if (model is DateTimeModel dateTime)
            {
                dateTime.Parse(sample, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified));
            }
            else
            {
                model.Parse(sample);
            }
        }

        if ((models & RecognizerModels.Boolean) != 0)
        {
            BooleanRecognizer.RecognizeBoolean("yes", mapped);
        }
    }

    /// <summary>Numbers in the text ("twenty two" → 22). Resolution "value" is formatted for the culture.</summary>
    public static List<ModelResult> RecognizeNumber(string text, string? culture) => Parse(ModelKind.Number, text, culture);

    /// <summary>Ordinals ("the third one" → 3, "last" → "end+0").</summary>
    public static List<ModelResult> RecognizeOrdinal(string text, string? culture) => Parse(ModelKind.Ordinal, text, culture);

    /// <summary>Numbers with units, as the SDK's NumberPrompt falls back to: currency, then age, temperature, dimension.</summary>
    public static List<ModelResult> RecognizeNumberWithUnit(string text, string? culture)
    {
        foreach (var kind in (ReadOnlySpan<ModelKind>)[ModelKind.Currency, ModelKind.Age, ModelKind.Temperature, ModelKind.Dimension])
        {
            var results = Parse(kind, text, culture);
            if (results.Count > 0)
            {
                return results;
            }
        }

        return [];
    }

    /// <summary>Dates and times relative to <paramref name="referenceTime"/> (the user's "now").</summary>
    public static List<ModelResult> RecognizeDateTime(string text, string? culture, DateTime referenceTime)
    {
        if (!IsRecognizable(text))
        {
            return [];
        }

        var model = (DateTimeModel)GetModel(ModelKind.DateTime, MapCulture(culture));
        return Guarded(() => model.Parse(text, referenceTime));
    }

    /// <summary>The recognizers' culture nearest to a locale ("en-GB" → en-us family, "es-MX" → es-mx); English when unknown.</summary>
    public static string MapCulture(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 85)
        {
            return Culture.English;
        }

        var mapped = Culture.MapToNearestLanguage(locale.ToLowerInvariant());
        return Culture.GetSupportedCultureCodes().Contains(mapped, System.StringComparer.OrdinalIgnoreCase) ? mapped : Culture.English;
    }

    private static List<ModelResult> Parse(ModelKind kind, string text, string? culture) =>
        IsRecognizable(text) ? Guarded(() => GetModel(kind, MapCulture(culture)).Parse(text)) : [];

    private static bool IsRecognizable(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxUtteranceLength;

    private static List<ModelResult> Guarded(Func<List<ModelResult>> parse)
    {
        try
        {
            return parse();
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: treat as "not recognized" so the prompt asks again instead of failing the turn.
            return [];
        }
    }

    private static string WarmUpSample(string culture) => culture[..2] switch
    {
        "en" => "twenty two or 3.5, the second one, the last one, 3 years old, $20, 38 degrees, 5 km, tomorrow at 3pm, last monday",
        "es" => "veintidós o 3,5, el segundo, el último, 3 años, 20 euros, 38 grados, 5 km, mañana a las 3, el lunes pasado",
        _ => "22, 3.5, 2nd, 3, 20, 2000-01-02 15:00",
    };

    private static RecognizerModels FlagOf(ModelKind kind) => kind switch
    {
        ModelKind.Number => RecognizerModels.Number,
        ModelKind.Ordinal => RecognizerModels.Ordinal,
        ModelKind.DateTime => RecognizerModels.DateTime,
        _ => RecognizerModels.NumberWithUnit,
    };

    private static IModel GetModel(ModelKind kind, string culture) =>
        Models.GetOrAdd((kind, culture), static key => new Lazy<IModel>(() => BuildModel(key.Kind, key.Culture))).Value;

    private static IModel BuildModel(ModelKind kind, string culture) => kind switch
    {
        ModelKind.Number => new NumberRecognizer(culture, NumberOptions.None, false, RegexTimeoutMilliseconds).GetNumberModel(culture, true),
        ModelKind.Ordinal => new NumberRecognizer(culture, NumberOptions.None, false, RegexTimeoutMilliseconds).GetOrdinalModel(culture, true),
        ModelKind.Currency => new NumberWithUnitRecognizer(culture, NumberWithUnitOptions.None, false, RegexTimeoutMilliseconds).GetCurrencyModel(culture, true),
        ModelKind.Age => new NumberWithUnitRecognizer(culture, NumberWithUnitOptions.None, false, RegexTimeoutMilliseconds).GetAgeModel(culture, true),
        ModelKind.Temperature => new NumberWithUnitRecognizer(culture, NumberWithUnitOptions.None, false, RegexTimeoutMilliseconds).GetTemperatureModel(culture, true),
        ModelKind.Dimension => new NumberWithUnitRecognizer(culture, NumberWithUnitOptions.None, false, RegexTimeoutMilliseconds).GetDimensionModel(culture, true),
        ModelKind.DateTime => new DateTimeRecognizer(culture, DateTimeOptions.None, false, RegexTimeoutMilliseconds).GetDateTimeModel(culture, true),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

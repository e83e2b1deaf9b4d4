namespace BotRuntime.Dialogs.Prompts;

/// <summary>The languages choice and confirm prompts speak, and how a locale maps to one of them.</summary>
public static class PromptCultureModels
{
    public static PromptCultureModel English { get; } = new()
    {
        Locale = "en-us",
        Separator = ", ",
        InlineOr = " or ",
        InlineOrMore = ", or ",
        YesInLanguage = "Yes",
        NoInLanguage = "No",
    };

    public static PromptCultureModel Spanish { get; } = new()
    {
        Locale = "es-es",
        Separator = ", ",
        InlineOr = " o ",
        InlineOrMore = ", o ",
        YesInLanguage = "Sí",
        NoInLanguage = "No",
    };

    public static IReadOnlyList<PromptCultureModel> SupportedCultures { get; } = [English, Spanish];

    /// <summary>The supported culture of the locale's language ("es-MX" → es-es); English for anything else.</summary>
    public static PromptCultureModel Get(string? locale)
    {
        if (!string.IsNullOrEmpty(locale))
        {
            var language = locale.AsSpan();
            var dash = language.IndexOfAny('-', '_');
            if (dash > 0)
            {
                language = language[..dash];
            }

            foreach (var culture in SupportedCultures)
            {
                if (culture.Locale.AsSpan(0, 2).Equals(language, StringComparison.OrdinalIgnoreCase))
                {
                    return culture;
                }
            }
        }

        return English;
    }

    /// <summary>The supported locale nearest to <paramref name="locale"/>.</summary>
    public static string MapToNearestLanguage(string? locale) => Get(locale).Locale;
}

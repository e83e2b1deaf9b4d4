using System.Text.RegularExpressions;

namespace B12Bot.Conversation.Privacy;

/// <summary>
/// Takes the identifiers out of a visitor's message before the opt-in transcript keeps it: email addresses, dates that
/// could be a date of birth (numeric in any order, with month names, ISO), and phone numbers (US and international
/// formats, 7 or more digits). Dates go before phones so "03-14-1961" is a date, not a number. Each pattern has a match
/// timeout; a message that hits it is replaced whole rather than kept unredacted.
/// </summary>
public static partial class TranscriptRedactor
{
    public const string Email = "[email]";
    public const string Date = "[date]";
    public const string Phone = "[phone]";
    public const string Withheld = "[message withheld]";

    private const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var redacted = EmailPattern().Replace(text, Email);
            redacted = NumericDatePattern().Replace(redacted, Date);
            redacted = MonthNameDatePattern().Replace(redacted, Date);
            redacted = DayMonthNameDatePattern().Replace(redacted, Date);
            return PhonePattern().Replace(redacted, Phone);
        }
        catch (RegexMatchTimeoutException)
        {
            return Withheld;
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+\s*(?:@|\(at\)|\[at\])\s*[A-Za-z0-9\-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex EmailPattern();

    // 3/14/1961, 14.03.61, 1961-03-14, 03-14-1961, 3 / 14 / 61
    [GeneratedRegex(@"(?<!\d)(?:\d{4}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{1,2}|\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|\d{2}))(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumericDatePattern();

    // March 14, 1961 / Mar 14th 61 / march 14
    [GeneratedRegex(@"\b(?:" + Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+(?:\d{4}|'?\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MonthNameDatePattern();

    // 14 March 1961 / 14th of march 61 / 14 mar
    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + Months + @")\b\.?(?:,?\s+(?:\d{4}|'?\d{2}))?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex DayMonthNameDatePattern();

    // (555) 201-7788, 555.201.7788, +44 20 7946 0958, 5552017788, 201-7788; digits with spaces, dots, dashes, brackets.
    [GeneratedRegex(@"(?<![\w])(?:\+\s?\d{1,3}[\s.\-]?)?(?:\(\d{1,4}\)[\s.\-]?)?\d(?:[\s.\-]?\d){6,13}(?![\w])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex PhonePattern();
}

using System.Text;

namespace B12Bot.Conversation.Content;

/// <summary>
/// A phone number from the settings as a Markdown tap-to-call link: "911" -> [911](tel:911),
/// "1-800-222-1222" -> [1-800-222-1222](tel:+18002221222) (an 11-digit number starting with 1 is North American).
/// </summary>
public static class PhoneLink
{
    /// <summary>True when <paramref name="number"/> is digits with optional spaces, dashes, dots, brackets and a leading +.</summary>
    public static bool IsValid(string? number)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 32)
        {
            return false;
        }

        var digits = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var c = number[i];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (!(c is ' ' or '-' or '.' or '(' or ')' || (c == '+' && i == 0)))
            {
                return false;
            }
        }

        return digits is >= 2 and <= 15;
    }

    public static string Markdown(string number) => $"[{number.Trim()}]({Uri(number)})";

    /// <summary>The tel: URI of <paramref name="number"/> ("tel:911", "tel:+18002221222").</summary>
    public static string Uri(string number)
    {
        if (!IsValid(number))
        {
            throw new ArgumentException($"'{number}' is not a phone number (digits, spaces, dashes, brackets, a leading +).", nameof(number));
        }

        var uri = new StringBuilder("tel:");
        var digits = new StringBuilder();
        foreach (var c in number)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (number.TrimStart().StartsWith('+') || (digits.Length == 11 && digits[0] == '1'))
        {
            uri.Append('+');
        }

        uri.Append(digits);
        return uri.ToString();
    }
}

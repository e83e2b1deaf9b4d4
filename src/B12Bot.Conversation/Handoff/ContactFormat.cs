using System.Text.RegularExpressions;

namespace B12Bot.Conversation.Handoff;

/// <summary>A callback contact must be just a phone number or an email address, so no health details ride along.</summary>
public static partial class ContactFormat
{
    public static bool IsPhoneOrEmail(string text) =>
        text.Length <= 100 && (Email().IsMatch(text) || (Phone().IsMatch(text) && text.Count(char.IsDigit) is >= 7 and <= 15));

    [GeneratedRegex(@"^[^\s@<>()\[\]]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?[0-9 ()./-]{7,25}$")]
    private static partial Regex Phone();
}

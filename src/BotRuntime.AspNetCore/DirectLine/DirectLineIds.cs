using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;

namespace BotRuntime.AspNetCore.DirectLine;

/// <summary>Random, URL-safe conversation and user ids, and the checks applied to ids and locales from clients.</summary>
public static class DirectLineIds
{
    /// <summary>24 URL-safe characters from 18 random bytes: unguessable, and safe in paths, ids and logs.</summary>
    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    /// <summary>"dl_" marks a user id the channel made up and put in the token (the Direct Line convention).</summary>
    public static string NewUserId() => "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>The id of a stored activity: <c>{conversationId}|{sequence:D7}</c>, as the Direct Line service forms them.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        string.Concat(conversationId, "|", sequence.ToString("D7", CultureInfo.InvariantCulture));

    public static bool IsValidUserId(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '|')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A BCP 47-shaped tag (letters, digits, hyphens); anything else is ignored rather than passed to the bot.</summary>
    public static bool IsPlausibleLocale(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 35)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static string? Truncate(string? value, int length) =>
        value is null || value.Length <= length ? value : value[..length];
}

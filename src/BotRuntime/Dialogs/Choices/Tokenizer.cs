namespace BotRuntime.Dialogs.Choices;

/// <summary>Splits text into tokens for choice matching.</summary>
public delegate List<Token> TokenizerFunction(string text, string? locale = null);

/// <summary>
/// The default tokenizer: words break on ASCII punctuation and spaces, Latin-1 symbols, modifier letters, general
/// punctuation and symbol blocks; every character outside the basic plane (an emoji) is a token of its own.
/// Letters with accents stay inside words, so "sí" and "café" are one token each.
/// </summary>
public static class Tokenizer
{
    public static TokenizerFunction DefaultTokenizer => Tokenize;

    public static List<Token> Tokenize(string text, string? locale = null)
    {
        var tokens = new List<Token>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var tokenStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A code point above 0xFFFF: its own token.
                AddToken(tokens, text, tokenStart, i - 1);
                tokenStart = -1;
                AddToken(tokens, text, i, i + 1);
                i += 2;
                continue;
            }

            // A lone surrogate is malformed text: treat it as a break rather than fail.
            if (char.IsSurrogate(c) || IsBreakingChar(c))
            {
                AddToken(tokens, text, tokenStart, i - 1);
                tokenStart = -1;
            }
            else if (tokenStart < 0)
            {
                tokenStart = i;
            }

            i++;
        }

        AddToken(tokens, text, tokenStart, text.Length - 1);
        return tokens;
    }

    private static void AddToken(List<Token> tokens, string text, int start, int end)
    {
        if (start < 0 || end < start)
        {
            return;
        }

        var value = text.Substring(start, end - start + 1);
        tokens.Add(new Token { Start = start, End = end, Text = value, Normalized = value.ToLowerInvariant() });
    }

    private static bool IsBreakingChar(char c) =>
        c <= 0x002F
        || c is >= (char)0x003A and <= (char)0x0040
        || c is >= (char)0x005B and <= (char)0x0060
        || c is >= (char)0x007B and <= (char)0x00BF
        || c is >= (char)0x02B9 and <= (char)0x036F
        || c is >= (char)0x2000 and <= (char)0x2BFF
        || c is >= (char)0x2E00 and <= (char)0x2E7F;
}

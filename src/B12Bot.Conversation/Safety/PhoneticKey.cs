using System.Text;

namespace B12Bot.Conversation.Safety;

/// <summary>
/// A rough sound-alike spelling so that phonetic misspellings meet their word: "anafalaxis" and "anaphylaxis" both become
/// "anafalaxis"-like keys one edit apart. ph -> f, y -> i (after the first letter), ck -> k, doubled letters once.
/// </summary>
internal static class PhoneticKey
{
    public static string Of(string word)
    {
        var builder = new StringBuilder(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == 'p' && i + 1 < word.Length && word[i + 1] == 'h')
            {
                c = 'f';
                i++;
            }
            else if (c == 'c' && i + 1 < word.Length && word[i + 1] == 'k')
            {
                c = 'k';
                i++;
            }
            else if (c == 'y' && i > 0)
            {
                c = 'i';
            }

            if (builder.Length > 0 && builder[^1] == c)
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

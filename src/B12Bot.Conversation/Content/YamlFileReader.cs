using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace B12Bot.Conversation.Content;

/// <summary>
/// Reads one content file through YamlDotNet's representation model, so every value keeps its line number, and
/// records problems instead of throwing: the loader reports all of them at once.
/// </summary>
internal sealed class YamlFileReader
{
    public const string EmergencyNumberPlaceholder = "{emergencyNumber}";

    /// <summary>Filled at run time from B12Bot:PrivacyNoticeUrl (a setting, not content).</summary>
    public const string PrivacyNoticeUrlPlaceholder = "{privacyNoticeUrl}";

    private static readonly string[] TextPlaceholders = [EmergencyNumberPlaceholder, PrivacyNoticeUrlPlaceholder];

    private readonly List<ContentProblem> _problems;
    private readonly string _emergencyNumber;

    private YamlFileReader(string fileName, List<ContentProblem> problems, string emergencyNumber)
    {
        FileName = fileName;
        _problems = problems;
        _emergencyNumber = emergencyNumber;
    }

    public string FileName { get; }

    /// <summary>Parses <paramref name="fileName"/> in <paramref name="folder"/>; null (with a problem recorded) if it cannot be read.</summary>
    public static (YamlFileReader Reader, YamlMappingNode? Root) Open(string folder, string fileName, List<ContentProblem> problems, string emergencyNumber)
    {
        var reader = new YamlFileReader(fileName, problems, emergencyNumber);
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            reader.Problem(1, $"file not found in '{folder}'");
            return (reader, null);
        }

        Parser? parser = null;
        try
        {
            using var text = new StreamReader(path, Encoding.UTF8);
            parser = new Parser(text);
            var stream = new YamlStream();
            stream.Load(parser);
            if (stream.Documents.Count == 0)
            {
                reader.Problem(1, "the file is empty");
                return (reader, null);
            }

            return (reader, reader.Mapping(stream.Documents[0].RootNode, "the file"));
        }
        catch (YamlException exception)
        {
            reader.Problem((int)Math.Max(1, exception.Start.Line), "not valid YAML: " + OneLine(exception.Message));
            return (reader, null);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, for some broken flow collections ("title: [text"
            // without its "]"): the last event it read is where the broken value starts.
            reader.Problem((int)Math.Max(1, parser?.Current?.Start.Line ?? 1), "not valid YAML: a value here is not closed (a '[', '{' or quote without its pair?)");
            return (reader, null);
        }
        catch (IOException exception)
        {
            reader.Problem(1, "cannot be read: " + exception.Message);
            return (reader, null);
        }
    }

    public void Problem(int line, string message) => _problems.Add(new ContentProblem(FileName, line, message));

    public void Problem(YamlNode node, string message) => Problem(LineOf(node), message);

    public static int LineOf(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    public YamlMappingNode? Mapping(YamlNode? node, string what)
    {
        if (node is YamlMappingNode mapping)
        {
            return mapping;
        }

        if (node is not null)
        {
            Problem(node, $"{what} must be a mapping of 'key: value' lines");
        }

        return null;
    }

    public YamlSequenceNode? Sequence(YamlNode? node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        if (node is not null)
        {
            Problem(node, $"{what} must be a list");
        }

        return null;
    }

    public YamlNode? Get(YamlMappingNode map, string key)
    {
        foreach (var (name, value) in map.Children)
        {
            if (name is YamlScalarNode scalar && scalar.Value == key)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Reports keys that this format does not know (usually a typo such as "anwser").</summary>
    public void CheckKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var name in map.Children.Keys)
        {
            var key = (name as YamlScalarNode)?.Value;
            if (key is null || Array.IndexOf(allowed, key) < 0)
            {
                Problem(name, $"unknown key '{key}' in {what} (expected one of: {string.Join(", ", allowed)})");
            }
        }
    }

    public string? RequiredString(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        if (node is null)
        {
            Problem(map, $"{what} is missing '{key}'");
            return null;
        }

        return Scalar(node, $"'{key}' of {what}");
    }

    public string? OptionalString(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        return node is null ? null : Scalar(node, $"'{key}' of {what}");
    }

    /// <summary>A sentence the bot says: reflowed, placeholders filled in and checked.</summary>
    public string? RequiredText(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        if (node is null)
        {
            Problem(map, $"{what} is missing '{key}'");
            return null;
        }

        var raw = Scalar(node, $"'{key}' of {what}");
        return raw is null ? null : Text(node, raw);
    }

    public string? Text(YamlNode node, string raw)
    {
        var text = Reflow(raw);
        CheckPlaceholders(node, text, TextPlaceholders);
        return text.Replace(EmergencyNumberPlaceholder, _emergencyNumber, StringComparison.Ordinal);
    }

    /// <summary>Reports every {placeholder} in <paramref name="text"/> that is not <paramref name="allowed"/>: a typo would reach users verbatim.</summary>
    public void CheckPlaceholders(YamlNode node, string text, IReadOnlyList<string> allowed)
    {
        var index = 0;
        while ((index = text.IndexOf('{', index)) >= 0)
        {
            var end = text.IndexOf('}', index);
            if (end < 0)
            {
                break;
            }

            var placeholder = text[index..(end + 1)];
            if (!allowed.Contains(placeholder))
            {
                Problem(node, $"unknown placeholder '{placeholder}' (supported: {string.Join(", ", allowed)})");
            }

            index = end + 1;
        }
    }

    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            if (string.IsNullOrWhiteSpace(scalar.Value))
            {
                Problem(node, $"{what} is empty");
                return null;
            }

            return scalar.Value.Trim();
        }

        Problem(node, $"{what} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}");
        return null;
    }

    public IReadOnlyList<string> StringList(YamlMappingNode map, string key, string what, bool required, int minimum = 1) =>
        ListAt(map, key, what, required, minimum, phrases: false);

    public IReadOnlyList<string> StringList(YamlNode node, string what, int minimum = 1) => ReadList(node, what, minimum, phrases: false);

    /// <summary>
    /// Like <see cref="StringList(YamlMappingNode, string, string, bool, int)"/>, for a list of phrases each of which may be
    /// written with alternatives ("(nearly|almost|) fainted", <see cref="PhraseAlternatives"/>): every item is kept as
    /// written (the safety engine expands it once), a badly written one is a problem at its line.
    /// </summary>
    public IReadOnlyList<string> PhraseList(YamlMappingNode map, string key, string what, bool required, int minimum = 1) =>
        ListAt(map, key, what, required, minimum, phrases: true);

    public IReadOnlyList<string> PhraseList(YamlNode node, string what, int minimum = 1) => ReadList(node, what, minimum, phrases: true);

    private IReadOnlyList<string> ListAt(YamlMappingNode map, string key, string what, bool required, int minimum, bool phrases)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (required)
            {
                Problem(map, $"{what} is missing '{key}'");
            }

            return [];
        }

        return ReadList(node, $"'{key}' of {what}", minimum, phrases);
    }

    private List<string> ReadList(YamlNode node, string what, int minimum, bool phrases)
    {
        var sequence = Sequence(node, what);
        if (sequence is null)
        {
            return [];
        }

        var values = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (Scalar(item, $"an item of {what}") is not { } value)
            {
                continue;
            }

            if (phrases && PhraseAlternatives.Check(value) is { } problem)
            {
                Problem(item, $"an item of {what}: {problem}");
            }
            else
            {
                values.Add(value);
            }
        }

        if (values.Count < minimum)
        {
            Problem(node, $"{what} needs at least {minimum} item(s)");
        }

        return values;
    }

    public int Int(YamlMappingNode map, string key, string what, int defaultValue, int minimum, int maximum)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return defaultValue;
        }

        var text = Scalar(node, $"'{key}' of {what}");
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value < minimum || value > maximum)
        {
            Problem(node, $"'{key}' of {what} must be a whole number from {minimum} to {maximum}");
            return defaultValue;
        }

        return value;
    }

    /// <summary>A number strictly between 0 and 1 (a similarity or a probability); required when <paramref name="defaultValue"/> is null.</summary>
    public double Fraction(YamlMappingNode map, string key, string what, double? defaultValue)
    {
        var node = Get(map, key);
        if (node is null)
        {
            if (defaultValue is null)
            {
                Problem(map, $"{what} is missing '{key}'");
            }

            return defaultValue ?? 1;
        }

        var text = Scalar(node, $"'{key}' of {what}");
        if (text is null || !double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            || value is <= 0 or >= 1)
        {
            Problem(node, $"'{key}' of {what} must be a number between 0 and 1, such as 0.6");
            return defaultValue ?? 1;
        }

        return value;
    }

    public bool Bool(YamlMappingNode map, string key, string what)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return false;
        }

        var text = Scalar(node, $"'{key}' of {what}");
        switch (text)
        {
            case "true" or "yes":
                return true;
            case "false" or "no":
                return false;
            default:
                Problem(node, $"'{key}' of {what} must be true or false");
                return false;
        }
    }

    /// <summary>
    /// Joins the hard-wrapped lines of a paragraph (YAML block text keeps them) so channels that show single line breaks
    /// do not break sentences mid-way; list items ("- ", "* ", "1. ") and blank-line paragraph breaks stay.
    /// </summary>
    public static string Reflow(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n').Split('\n');
        var builder = new StringBuilder(text.Length);
        var previousBlank = true;
        var inList = false;
        foreach (var rawLine in lines)
        {
            var line = rawLine.TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0)
            {
                builder.Append("\n\n");
                previousBlank = true;
                inList = false;
                continue;
            }

            var indented = trimmed.Length < line.Length;
            if (previousBlank)
            {
                builder.Append(trimmed);
                inList = IsListItem(trimmed);
            }
            else if (IsListItem(trimmed))
            {
                builder.Append('\n').Append(trimmed);
                inList = true;
            }
            else if (inList && !indented)
            {
                // An unindented line after a list starts a new paragraph; an indented one continues the item.
                builder.Append("\n\n").Append(trimmed);
                inList = false;
            }
            else
            {
                builder.Append(' ').Append(trimmed);
            }

            previousBlank = false;
        }

        var result = builder.ToString();
        while (result.Contains("\n\n\n", StringComparison.Ordinal))
        {
            result = result.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return result.Trim();
    }

    private static bool IsListItem(string line) =>
        line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)
        || (line.Length > 2 && char.IsAsciiDigit(line[0]) && (line[1] == '.' || (char.IsAsciiDigit(line[1]) && line.Length > 3 && line[2] == '.')));

    private static string OneLine(string message) => message.Replace('\n', ' ').Replace('\r', ' ');
}

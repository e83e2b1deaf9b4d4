using Microsoft.Extensions.Logging.Testing;

namespace TestSupport;

/// <summary>
/// Captured log records as text, to prove what is (and is not) logged: each record's level, category, formatted message,
/// structured values and exception.
/// </summary>
public static class LogText
{
    extension(FakeLogCollector logs)
    {
        /// <summary>One line per record, oldest first ("Warning Category: message [key=value ...] exception").</summary>
        public IReadOnlyList<string> Entries => [.. logs.GetSnapshot().Select(Line)];

        /// <summary>Every record, one per line.</summary>
        public string All => string.Join('\n', logs.Entries);
    }

    public static string Line(FakeLogRecord record)
    {
        var values = record.StructuredState is { } state ? string.Join(' ', state.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        return $"{record.Level} {record.Category}: {record.Message} [{values}] {record.Exception}";
    }
}

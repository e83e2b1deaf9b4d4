using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BotRuntime.Authentication.Tests.Support;

/// <summary>Keeps every formatted log line (with its state values) so tests can check what is, and is not, logged.</summary>
public sealed class LogSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join('\n', Lines);

    public ILogger<T> For<T>() => new RecordingLogger<T>(this);
}

public sealed class RecordingLogger<T>(LogSink sink) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}"))
            : string.Empty;
        sink.Lines.Enqueue($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
    }
}

public sealed class RecordingLoggerProvider(LogSink sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RecordingLogger<object>(sink);

    public void Dispose()
    {
    }
}

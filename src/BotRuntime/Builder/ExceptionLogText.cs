using System.Text;

namespace BotRuntime.Builder;

/// <summary>
/// What a log line may say about an exception: the types and stack traces of it and its inner exceptions, never their
/// messages. A message can quote the user's text (a parser's "could not read '...'", a store's key...), and message
/// text is health data. Passing the exception itself to a logger would print <see cref="Exception.ToString"/>, which
/// includes every message, so callers log this text instead.
/// </summary>
public static class ExceptionLogText
{
    private const int MaxDepth = 8;

    public static string TypeAndStack(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        var current = exception;
        for (var depth = 0; current is not null && depth < MaxDepth; depth++)
        {
            if (depth > 0)
            {
                text.Append(" ---> ");
            }

            text.Append(current.GetType().FullName);
            if (current.StackTrace is { Length: > 0 } stack)
            {
                text.AppendLine().Append(stack);
            }

            if (current is AggregateException { InnerExceptions.Count: > 1 } aggregate)
            {
                text.AppendLine().Append(" (").Append(aggregate.InnerExceptions.Count).Append(" inner exceptions, first shown)");
            }

            current = current.InnerException;
        }

        return text.ToString();
    }
}

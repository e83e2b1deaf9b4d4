using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BotRuntime.Schema;
using Microsoft.AspNetCore.Http;

namespace BotRuntime.AspNetCore.Http;

/// <summary>
/// The HTTP edge shared by <c>/api/messages</c> and Direct Line: reading size-limited JSON bodies and writing JSON answers
/// and errors (<c>{"error":{code,message}}</c>, the Bot Framework's error shape).
/// </summary>
public static class JsonHttp
{
    /// <summary>Reads a JSON body of at most <paramref name="maxBytes"/>. An empty body gives <c>default</c> without error.</summary>
    public static async Task<BodyResult<T>> ReadJsonAsync<T>(HttpRequest request, int maxBytes, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return BodyResult<T>.Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(maxBytes + 1, (int?)request.ContentLength + 1 ?? 4096));
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return BodyResult<T>.Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return BodyResult<T>.Fail(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The body is larger than {maxBytes} bytes.");
                }
            }

            if (length == 0)
            {
                return new BodyResult<T>(null, 0, null, null);
            }

            try
            {
                var value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo);
                return new BodyResult<T>(value, 0, null, null);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException)
            {
                return BodyResult<T>.Fail(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid JSON of the expected shape.");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static Task WriteJsonAsync<T>(HttpResponse response, int status, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        return JsonSerializer.SerializeAsync(response.Body, value, typeInfo, cancellationToken);
    }

    public static Task WriteErrorAsync(HttpResponse response, int status, string code, string message, CancellationToken cancellationToken = default) =>
        WriteJsonAsync(response, status, new ErrorResponse(code, message), BotJsonContext.Default.ErrorResponse, cancellationToken);
}

using System.Security.Cryptography;
using System.Text;

namespace BotRuntime.Storage.AzureBlobs;

/// <summary>
/// Turns any state key into a safe blob name. Keys carry channel and conversation ids with '/', ':', ';', '#', '?', '%'
/// and any Unicode; a blob name is a URL path segment of at most 1,024 characters where '/' makes folders and a
/// trailing '.' is dropped. Base64url of the UTF-8 key has none of those problems; a key too long for that is named by
/// its SHA-256, which keeps it unique.
/// </summary>
public static class BlobKeyEncoder
{
    private const int MaxEncodedLength = 1000;

    public static string ToBlobName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetBytes(key);
        var encoded = "k-" + Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return encoded.Length <= MaxEncodedLength ? encoded : "h-" + Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}

using System.Text;
using System.Text.Json.Nodes;

namespace B12Bot.Tests.Support;

/// <summary>What a fuzz request is: where it goes, with which credential, and its raw body.</summary>
public enum FuzzTarget
{
    Messages,
    DirectLinePost,
    DirectLineOther,
}

public enum FuzzCredential
{
    Valid,
    None,
    Garbage,
    Tampered,
    Expired,
    OtherConversation,
    AlgNone,
}

public sealed record FuzzRequest(string Kind, FuzzTarget Target, HttpMethod Method, FuzzCredential Credential, byte[]? Body, string ContentType = "application/json", string? PathSuffix = null);

/// <summary>
/// Generates hostile and broken requests from a seed: malformed and truncated JSON, wrong types, deep nesting,
/// oversized bodies and strings, odd Unicode, huge value objects, random card submits, unknown activity types, bad and
/// expired tokens. The same seed gives the same requests, so a failure can be replayed.
/// </summary>
public sealed class FuzzRequestGenerator(int seed)
{
    private static readonly string[] Questions =
    [
        "How often are B12 injections given?", "what are the side effects", "check my symptoms", "yes", "no", "not sure",
        "help", "start over", "cancel", "my throat is swelling", "are b12 shots safe in pregnancy", "menu", "",
    ];

    private static readonly string[] OddText =
    [
        "\u0000", "\uFEFF", "\u202E\u202D", "\u200B\u200C\u200D", "e\u0301\u0301\u0301\u0301", "👩‍👩‍👧‍👦", "\U0001F9EA\U0001F489",
        "\uE000\uF8FF", "\u0085\u2028\u2029", "ﷺ", "𝔅𝟙𝟚", "İı", "ß", "<script>alert(1)</script>", "{{user}}", "${jndi:x}",
        "'; DROP TABLE bot_state;--", "../../etc/passwd", "%00%0d%0a", "\t\r\n", "\\u0000",
    ];

    private static readonly string[] ActivityTypes =
    [
        "message", "message", "message", "event", "typing", "endOfConversation", "messageReaction", "conversationUpdate",
        "invoke", "installationUpdate", "trace", "delay", "handoff", "", "MESSAGE", "unknownType",
    ];

    private readonly Random _random = new(seed);

    public FuzzRequest Next()
    {
        var target = _random.Next(10) switch
        {
            < 4 => FuzzTarget.Messages,
            < 9 => FuzzTarget.DirectLinePost,
            _ => FuzzTarget.DirectLineOther,
        };
        var credential = target == FuzzTarget.Messages ? FuzzCredential.None : PickCredential();
        var (kind, body, contentType) = _random.Next(13) switch
        {
            0 => ("valid", Json(Activity(target)), "application/json"),
            1 => ("truncated", Truncate(Json(Activity(target))), "application/json"),
            2 => ("random-bytes", RandomBytes(_random.Next(0, 2048)), "application/json"),
            3 => ("wrong-types", Json(WrongTypes(Activity(target))), "application/json"),
            4 => ("deep-nesting", DeepNesting(target), "application/json"),
            5 => ("oversized-body", Oversized(target), "application/json"),
            6 => ("oversized-string", Json(WithText(Activity(target), new string(Pick("aé 😀\u0000".ToCharArray()), _random.Next(3_000, 120_000)))), "application/json"),
            7 => ("odd-unicode", Json(WithText(Activity(target), OddString())), "application/json"),
            8 => ("huge-value", Json(HugeValue(Activity(target))), "application/json"),
            9 => ("card-submit", Json(CardSubmit(Activity(target))), "application/json"),
            10 => ("odd-type", Json(OddType(Activity(target))), "application/json"),
            11 => ("bad-content-type", Json(Activity(target)), Pick(["text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=utf-16"])),
            _ => ("empty", Array.Empty<byte>(), "application/json"),
        };

        if (target == FuzzTarget.DirectLineOther)
        {
            var (method, suffix) = Pick<(HttpMethod, string)>(
            [
                (HttpMethod.Get, "activities?watermark=" + Pick(["", "0", "-1", "999999999999", "abc", "1.5", "%00"])),
                (HttpMethod.Post, "upload"),
                (HttpMethod.Get, ""),
                (HttpMethod.Post, "refresh"),
                (HttpMethod.Delete, "activities"),
                (HttpMethod.Put, "activities"),
            ]);
            return new FuzzRequest("other-endpoint", target, method, credential, method == HttpMethod.Get ? null : body, contentType, suffix);
        }

        return new FuzzRequest(credential == FuzzCredential.Valid ? kind : kind + "+" + credential, target, HttpMethod.Post, credential, body, contentType);
    }

    private FuzzCredential PickCredential() => _random.Next(12) switch
    {
        0 => FuzzCredential.None,
        1 => FuzzCredential.Garbage,
        2 => FuzzCredential.Tampered,
        3 => FuzzCredential.Expired,
        4 => FuzzCredential.OtherConversation,
        5 => FuzzCredential.AlgNone,
        _ => FuzzCredential.Valid,
    };

    private JsonObject Activity(FuzzTarget target)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["text"] = Pick(Questions),
            ["locale"] = Pick(["en-US", "en-GB", "de-DE", "xx", "", "en-US-u-ca-buddhist"]),
            ["from"] = new JsonObject { ["id"] = "fuzz-user-" + _random.Next(50), ["name"] = "Fuzz" },
            ["channelData"] = new JsonObject { ["clientActivityID"] = "fuzz-" + _random.Next() },
        };
        if (target == FuzzTarget.Messages)
        {
            activity["id"] = Guid.NewGuid().ToString("N");
            activity["channelId"] = Pick(["webchat", "emulator", "msteams", "directline", "test"]);
            activity["conversation"] = new JsonObject { ["id"] = "fuzz-conv-" + _random.Next(40) };
            activity["recipient"] = new JsonObject { ["id"] = "b12bot" };
            activity["deliveryMode"] = "expectReplies";
            // Loopback is where local tools live; remote addresses must be refused before anything is sent.
            activity["serviceUrl"] = _random.Next(10) < 6 ? "http://127.0.0.1:9/" : Pick(["https://attacker.example/", "http://169.254.169.254/", "", "not a url", "file:///etc/passwd"]);
            if (activity["serviceUrl"]!.GetValue<string>() != "http://127.0.0.1:9/")
            {
                activity["deliveryMode"] = Pick(["expectReplies", "normal", "notification"]);
            }
        }

        return activity;
    }

    private JsonObject WithText(JsonObject activity, string text)
    {
        activity["text"] = text;
        return activity;
    }

    private JsonObject WrongTypes(JsonObject activity)
    {
        string[] fields = ["type", "text", "from", "conversation", "channelData", "value", "locale", "attachments", "entities", "timestamp", "suggestedActions", "id", "recipient", "deliveryMode", "serviceUrl", "name"];
        for (var i = 0; i < 1 + _random.Next(4); i++)
        {
            activity[Pick(fields)] = Pick<Func<JsonNode?>>(
            [
                () => JsonValue.Create(_random.Next()),
                () => JsonValue.Create(_random.NextDouble() * 1e300),
                () => JsonValue.Create(true),
                () => null,
                () => new JsonArray(1, "two", null, new JsonObject()),
                () => new JsonObject { ["id"] = new JsonArray() },
                () => JsonValue.Create("2025-13-45T99:99:99Z"),
                () => JsonValue.Create(new string('9', 400)),
            ])();
        }

        return activity;
    }

    private byte[] DeepNesting(FuzzTarget target)
    {
        var depth = _random.Next(30, 20_000);
        var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        var activity = Activity(target).ToJsonString();
        return Encoding.UTF8.GetBytes(activity[..^1] + ",\"value\":" + nested + "}");
    }

    private byte[] Oversized(FuzzTarget target)
    {
        var activity = Activity(target);
        activity["value"] = new string('x', target == FuzzTarget.Messages ? _random.Next(260_000, 600_000) : _random.Next(66_000, 300_000));
        return Json(activity);
    }

    private JsonObject HugeValue(JsonObject activity)
    {
        var value = new JsonObject();
        var keys = _random.Next(50, 1500);
        for (var i = 0; i < keys; i++)
        {
            value["k" + i + Pick(OddText)] = _random.Next(3) switch
            {
                0 => new string('a', _random.Next(0, 40)),
                1 => new JsonArray(Enumerable.Range(0, _random.Next(0, 20)).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
                _ => new JsonObject { ["nested"] = Pick(Questions) },
            };
        }

        activity["value"] = value;
        activity["text"] = _random.Next(2) == 0 ? null : activity["text"]?.GetValue<string>();
        return activity;
    }

    private JsonObject CardSubmit(JsonObject activity)
    {
        activity["text"] = null;
        activity["value"] = _random.Next(4) switch
        {
            0 => new JsonObject { ["action"] = Pick(["answer", "start", "faq", "unknown", ""]), ["value"] = Pick(["yes", "no", "unsure", "weekly", "monthly", "", "💉"]) },
            1 => new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = Pick(Questions) } },
            2 => new JsonObject { ["question"] = Pick(Questions), ["choice"] = _random.Next(-5, 50) },
            _ => JsonValue.Create(Pick(Questions)),
        };
        return activity;
    }

    private JsonObject OddType(JsonObject activity)
    {
        activity["type"] = Pick(ActivityTypes);
        if (_random.Next(2) == 0)
        {
            activity["name"] = Pick(["webchat/join", "", "invoke/x", "adaptiveCard/action", new string('n', 500)]);
        }

        if (_random.Next(3) == 0)
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "fuzz-user" }, new JsonObject { ["id"] = "b12bot" });
        }

        return activity;
    }

    private string OddString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _random.Next(1, 40); i++)
        {
            text.Append(Pick(OddText)).Append(Pick(Questions)).Append((char)_random.Next(0xD800, 0xDFFF + 1));
        }

        return text.ToString();
    }

    private byte[] Truncate(byte[] json) => json[..Math.Max(0, _random.Next(json.Length))];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        if (length > 0 && _random.Next(2) == 0)
        {
            bytes[0] = (byte)'{';
        }

        return bytes;
    }

    private static readonly System.Text.Json.JsonSerializerOptions RawUnicode = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Raw UTF-8 where the text allows it; lone surrogates cannot be written raw, so those go escaped (\ud800).</summary>
    private static byte[] Json(JsonObject activity)
    {
        try
        {
            return Encoding.UTF8.GetBytes(activity.ToJsonString(RawUnicode));
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return Encoding.UTF8.GetBytes(activity.ToJsonString());
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}

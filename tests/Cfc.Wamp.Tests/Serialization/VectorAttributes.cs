using System.Text;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Tests.Serialization;

/// <summary>
/// Maps the test suite's attribute names (request_id, args, subscription, ...) onto our message records, and the
/// layouts of the wire arrays, so vectors can be checked against decoded messages and messages built from attributes.
/// </summary>
internal static class VectorAttributes
{
    /// <summary>The wire layout of each message type: code, fixed fields after the code, whether args/kwargs may follow.</summary>
    public static IReadOnlyDictionary<string, (int Code, string[] Fields, bool HasPayload)> Layouts { get; } =
        new Dictionary<string, (int, string[], bool)>(StringComparer.Ordinal)
        {
            ["HELLO"] = (1, ["realm", "details"], false),
            ["WELCOME"] = (2, ["session_id", "details"], false),
            ["ABORT"] = (3, ["details", "reason"], true),
            ["CHALLENGE"] = (4, ["method", "extra"], false),
            ["AUTHENTICATE"] = (5, ["signature", "extra"], false),
            ["GOODBYE"] = (6, ["details", "reason"], false),
            ["ERROR"] = (8, ["request_type", "request_id", "details", "error"], true),
            ["PUBLISH"] = (16, ["request_id", "options", "topic"], true),
            ["PUBLISHED"] = (17, ["request_id", "publication_id"], false),
            ["SUBSCRIBE"] = (32, ["request_id", "options", "topic"], false),
            ["SUBSCRIBED"] = (33, ["request_id", "subscription_id"], false),
            ["UNSUBSCRIBE"] = (34, ["request_id", "subscription_id"], false),
            ["UNSUBSCRIBED"] = (35, ["request_id"], false),
            ["EVENT"] = (36, ["subscription_id", "publication_id", "details"], true),
            ["CALL"] = (48, ["request_id", "options", "procedure"], true),
            ["CANCEL"] = (49, ["request_id", "options"], false),
            ["RESULT"] = (50, ["request_id", "details"], true),
            ["REGISTER"] = (64, ["request_id", "options", "procedure"], false),
            ["REGISTERED"] = (65, ["request_id", "registration_id"], false),
            ["UNREGISTER"] = (66, ["request_id", "registration_id"], false),
            ["UNREGISTERED"] = (67, ["request_id"], false),
            ["INVOCATION"] = (68, ["request_id", "registration_id", "details"], true),
            ["INTERRUPT"] = (69, ["request_id", "options"], false),
            ["YIELD"] = (70, ["request_id", "options"], true),
        };

    /// <summary>The layout for a message code, if it is one of ours.</summary>
    public static (string Name, string[] Fields, bool HasPayload)? LayoutOf(int code)
    {
        foreach (KeyValuePair<string, (int Code, string[] Fields, bool HasPayload)> layout in Layouts)
        {
            if (layout.Value.Code == code)
            {
                return (layout.Key, layout.Value.Fields, layout.Value.HasPayload);
            }
        }

        return null;
    }

    /// <summary>Builds the JSON wire array for a sequence step's message (type name plus attributes).</summary>
    public static string WireJson(JsonElement message)
    {
        string type = message.GetProperty("type").GetString()!;
        Assert.True(Layouts.TryGetValue(type, out var layout), $"No wire layout for message type {type}.");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(layout.Code);
            foreach (string field in layout.Fields)
            {
                if (message.TryGetProperty(field, out JsonElement value))
                {
                    value.WriteTo(writer);
                }
                else if (field is "options" or "details" or "extra")
                {
                    writer.WriteStartObject();
                    writer.WriteEndObject();
                }
                else
                {
                    Assert.Fail($"The {type} step has no {field}.");
                }
            }

            bool hasArgs = message.TryGetProperty("args", out JsonElement args) && args.ValueKind != JsonValueKind.Null;
            bool hasKwargs = message.TryGetProperty("kwargs", out JsonElement kwargs) && kwargs.ValueKind != JsonValueKind.Null;
            if (hasArgs || hasKwargs)
            {
                Assert.True(layout.HasPayload, $"{type} carries no payload.");
                if (hasArgs) { args.WriteTo(writer); } else { writer.WriteStartArray(); writer.WriteEndArray(); }
                if (hasKwargs) { kwargs.WriteTo(writer); }
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Names each element of a wire array with the test suite's attribute names (plus message_type, args, kwargs).</summary>
    public static Dictionary<string, JsonElement> FromWire(JsonElement wmsg)
    {
        int code = wmsg[0].GetInt32();
        var layout = LayoutOf(code) ?? throw new InvalidDataException($"No layout for code {code}.");
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal) { ["message_type"] = wmsg[0] };
        int i = 1;
        foreach (string field in layout.Fields)
        {
            attributes[field] = wmsg[i++];
        }

        if (layout.HasPayload)
        {
            int n = wmsg.GetArrayLength();
            attributes["args"] = n > i ? wmsg[i] : Null;
            attributes["kwargs"] = n > i + 1 ? wmsg[i + 1] : Null;
        }

        return attributes;
    }

    /// <summary>Asserts that every expected attribute is one we map and that our message holds the same value.</summary>
    public static void AssertMatches(IEnumerable<KeyValuePair<string, JsonElement>> expected, WampMessage message, params string[] ignore)
    {
        Dictionary<string, JsonElement?> actual = Actual(message);
        foreach ((string name, JsonElement value) in expected)
        {
            if (ignore.Contains(name))
            {
                continue;
            }

            Assert.True(actual.TryGetValue(name, out JsonElement? ours), $"The attribute '{name}' has no counterpart on {message.GetType().Name}.");
            Assert.True(
                JsonDeepEquals(value, ours),
                $"Attribute '{name}': expected {value.GetRawText()}, decoded {(ours is { } o ? o.GetRawText() : "(absent)")}.");
        }
    }

    public static IEnumerable<KeyValuePair<string, JsonElement>> Properties(JsonElement obj)
    {
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            yield return new(p.Name, p.Value);
        }
    }

    /// <summary>Asserts that two messages have the same type and the same JSON form.</summary>
    public static void AssertSameMessage(WampMessage expected, WampMessage actual)
    {
        Assert.Equal(expected.GetType(), actual.GetType());
        string left = ToJson(expected);
        string right = ToJson(actual);
        Assert.True(JsonElement.DeepEquals(Parse(left), Parse(right)), $"Messages differ:\n{left}\n{right}");
    }

    public static string ToJson(WampMessage message)
    {
        using var buffer = new PooledBufferWriter();
        JsonMessageSerializer.Instance.Serialize(message, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Deep JSON equality where numbers compare by value and a decoded WAMP binary string ("\u0000" + base64) equals an
    /// expected hex string of the same bytes (the suite writes binary attributes as hex). An absent value equals null.
    /// </summary>
    public static bool JsonDeepEquals(JsonElement expected, JsonElement? actual)
    {
        if (actual is not { } a)
        {
            return expected.ValueKind == JsonValueKind.Null;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (a.ValueKind != JsonValueKind.Object || CountProperties(expected) != CountProperties(a))
                {
                    return false;
                }

                foreach (JsonProperty p in expected.EnumerateObject())
                {
                    if (!a.TryGetProperty(p.Name, out JsonElement other) || !JsonDeepEquals(p.Value, other))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Array:
                if (a.ValueKind != JsonValueKind.Array || expected.GetArrayLength() != a.GetArrayLength())
                {
                    return false;
                }

                for (int i = 0; i < expected.GetArrayLength(); i++)
                {
                    if (!JsonDeepEquals(expected[i], a[i]))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Number:
                return a.ValueKind == JsonValueKind.Number
                    && (expected.TryGetInt64(out long x) && a.TryGetInt64(out long y) ? x == y : expected.GetDouble() == a.GetDouble());
            case JsonValueKind.String:
                if (a.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                string e = expected.GetString()!;
                string s = a.GetString()!;
                return e == s || (WampJson.IsBinary(s) && !WampJson.IsBinary(e) && IsHex(e)
                    && string.Equals(Convert.ToHexString(WampJson.DecodeBinary(s)), e, StringComparison.OrdinalIgnoreCase));
            default:
                return expected.ValueKind == a.ValueKind;
        }
    }

    private static Dictionary<string, JsonElement?> Actual(WampMessage message)
    {
        var a = new Dictionary<string, JsonElement?>(StringComparer.Ordinal) { ["message_type"] = Num((int)message.Type) };
        void Payload(WampPayload p)
        {
            a["args"] = p.Arguments;
            a["kwargs"] = p.ArgumentsKeywords;

            // The data model has no transparent (E2EE) payload: such frames are rejected, so it is always absent here.
            a["payload"] = null;
        }

        void Roles(JsonElement details) => a["roles"] = details.TryGetProperty("roles", out JsonElement roles) ? roles : null;

        switch (message)
        {
            case HelloMessage m: a["realm"] = Str(m.Realm); a["details"] = m.Details; Roles(m.Details); break;
            case WelcomeMessage m: a["session_id"] = a["session"] = Num(m.SessionId); a["details"] = m.Details; Roles(m.Details); break;
            case AbortMessage m: a["details"] = m.Details; a["reason"] = Str(m.Reason); Payload(m.Payload); break;
            case ChallengeMessage m: a["method"] = a["authmethod"] = Str(m.AuthMethod); a["extra"] = m.Extra; break;
            case AuthenticateMessage m: a["signature"] = Str(m.Signature); a["extra"] = m.Extra; break;
            case GoodbyeMessage m: a["details"] = m.Details; a["reason"] = Str(m.Reason); break;
            case ErrorMessage m:
                a["request_type"] = Num((int)m.RequestType); a["request_id"] = Num(m.RequestId); a["details"] = m.Details;
                a["error"] = Str(m.ErrorUri); Payload(m.Payload); break;
            case PublishMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; a["topic"] = Str(m.Topic); Payload(m.Payload); break;
            case PublishedMessage m: a["request_id"] = Num(m.RequestId); a["publication_id"] = a["publication"] = Num(m.PublicationId); break;
            case SubscribeMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; a["topic"] = Str(m.Topic); break;
            case SubscribedMessage m: a["request_id"] = Num(m.RequestId); a["subscription_id"] = a["subscription"] = Num(m.SubscriptionId); break;
            case UnsubscribeMessage m: a["request_id"] = Num(m.RequestId); a["subscription_id"] = a["subscription"] = Num(m.SubscriptionId); break;
            case UnsubscribedMessage m: a["request_id"] = Num(m.RequestId); a["details"] = m.Details; break;
            case EventMessage m:
                a["subscription_id"] = a["subscription"] = Num(m.SubscriptionId); a["publication_id"] = a["publication"] = Num(m.PublicationId);
                a["details"] = m.Details; Payload(m.Payload); break;
            case CallMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; a["procedure"] = Str(m.Procedure); Payload(m.Payload); break;
            case CancelMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; break;
            case ResultMessage m: a["request_id"] = Num(m.RequestId); a["details"] = m.Details; Payload(m.Payload); break;
            case RegisterMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; a["procedure"] = Str(m.Procedure); break;
            case RegisteredMessage m: a["request_id"] = Num(m.RequestId); a["registration_id"] = a["registration"] = Num(m.RegistrationId); break;
            case UnregisterMessage m: a["request_id"] = Num(m.RequestId); a["registration_id"] = a["registration"] = Num(m.RegistrationId); break;
            case UnregisteredMessage m: a["request_id"] = Num(m.RequestId); a["details"] = m.Details; break;
            case InvocationMessage m:
                a["request_id"] = Num(m.RequestId); a["registration_id"] = a["registration"] = Num(m.RegistrationId);
                a["details"] = m.Details; Payload(m.Payload); break;
            case InterruptMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; break;
            case YieldMessage m: a["request_id"] = Num(m.RequestId); a["options"] = m.Options; Payload(m.Payload); break;
            default: throw new InvalidOperationException($"Unmapped message {message.GetType().Name}.");
        }

        return a;
    }

    private static JsonElement Null { get; } = Parse("null");

    private static JsonElement Num(long value) => Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static JsonElement Str(string value) => JsonSerializer.SerializeToElement(value);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static int CountProperties(JsonElement obj)
    {
        int n = 0;
        foreach (JsonProperty _ in obj.EnumerateObject())
        {
            n++;
        }

        return n;
    }

    private static bool IsHex(string value) => value.Length % 2 == 0 && value.All(Uri.IsHexDigit);
}

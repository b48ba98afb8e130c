using System.Text.Json;

namespace Cfc.Wamp.Messages;

/// <summary>
/// Maps WAMP messages to and from their JSON array form. Every serializer goes through this one place, so
/// the protocol's shape rules (field counts, field types, id ranges, known codes) are checked once.
/// Reading rejects anything malformed with <see cref="WampProtocolViolationException"/>.
/// </summary>
public static class WampMessageCodec
{
    /// <summary>The largest WAMP id, 2^53.</summary>
    public const long MaxId = 9007199254740992L;

    /// <summary>Reads a message from its JSON array form.</summary>
    /// <param name="root">The decoded message array.</param>
    /// <returns>The message.</returns>
    /// <exception cref="WampProtocolViolationException">The array is not a well-formed WAMP message.</exception>
    public static WampMessage Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw Violation($"a WAMP message is an array, not {root.ValueKind}");
        }

        int n = root.GetArrayLength();
        if (n == 0)
        {
            throw Violation("a WAMP message is a non-empty array");
        }

        JsonElement codeElement = root[0];
        if (codeElement.ValueKind != JsonValueKind.Number || !codeElement.TryGetInt32(out int code))
        {
            throw Violation("the first element of a WAMP message is its integer code");
        }

        var type = (WampMessageType)code;
        return type switch
        {
            WampMessageType.Hello => Expect(type, n, 3, 3) ? new HelloMessage(Uri(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Welcome => Expect(type, n, 3, 3) ? new WelcomeMessage(Id(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Abort => Expect(type, n, 3, 5) ? new AbortMessage(Dict(root, 1), ReasonUri(root, 2), Payload(root, 3)) : null!,
            WampMessageType.Challenge => Expect(type, n, 3, 3) ? new ChallengeMessage(Str(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Authenticate => Expect(type, n, 3, 3) ? new AuthenticateMessage(Str(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Goodbye => Expect(type, n, 3, 3) ? new GoodbyeMessage(Dict(root, 1), ReasonUri(root, 2)) : null!,
            WampMessageType.Error => Expect(type, n, 5, 7) ? new ErrorMessage(RequestType(root, 1), Id(root, 2), Dict(root, 3), ReasonUri(root, 4), Payload(root, 5)) : null!,
            WampMessageType.Publish => Expect(type, n, 4, 6) ? new PublishMessage(Id(root, 1), Dict(root, 2), Uri(root, 3), Payload(root, 4)) : null!,
            WampMessageType.Published => Expect(type, n, 3, 3) ? new PublishedMessage(Id(root, 1), Id(root, 2)) : null!,
            WampMessageType.Subscribe => Expect(type, n, 4, 4) ? new SubscribeMessage(Id(root, 1), Dict(root, 2), Uri(root, 3)) : null!,
            WampMessageType.Subscribed => Expect(type, n, 3, 3) ? new SubscribedMessage(Id(root, 1), Id(root, 2)) : null!,
            WampMessageType.Unsubscribe => Expect(type, n, 3, 3) ? new UnsubscribeMessage(Id(root, 1), Id(root, 2)) : null!,
            WampMessageType.Unsubscribed => Expect(type, n, 2, 3) ? new UnsubscribedMessage(Id(root, 1, allowZero: true), n > 2 ? Dict(root, 2) : null) : null!,
            WampMessageType.Event => Expect(type, n, 4, 6) ? new EventMessage(Id(root, 1), Id(root, 2), Dict(root, 3), Payload(root, 4)) : null!,
            WampMessageType.Call => Expect(type, n, 4, 6) ? new CallMessage(Id(root, 1), Dict(root, 2), Uri(root, 3), Payload(root, 4)) : null!,
            WampMessageType.Cancel => Expect(type, n, 3, 3) ? new CancelMessage(Id(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Result => Expect(type, n, 3, 5) ? new ResultMessage(Id(root, 1), Dict(root, 2), Payload(root, 3)) : null!,
            WampMessageType.Register => Expect(type, n, 4, 4) ? new RegisterMessage(Id(root, 1), Dict(root, 2), Uri(root, 3)) : null!,
            WampMessageType.Registered => Expect(type, n, 3, 3) ? new RegisteredMessage(Id(root, 1), Id(root, 2)) : null!,
            WampMessageType.Unregister => Expect(type, n, 3, 3) ? new UnregisterMessage(Id(root, 1), Id(root, 2)) : null!,
            WampMessageType.Unregistered => Expect(type, n, 2, 3) ? new UnregisteredMessage(Id(root, 1, allowZero: true), n > 2 ? Dict(root, 2) : null) : null!,
            WampMessageType.Invocation => Expect(type, n, 4, 6) ? new InvocationMessage(Id(root, 1), Id(root, 2), Dict(root, 3), Payload(root, 4)) : null!,
            WampMessageType.Interrupt => Expect(type, n, 3, 3) ? new InterruptMessage(Id(root, 1), Dict(root, 2)) : null!,
            WampMessageType.Yield => Expect(type, n, 3, 5) ? new YieldMessage(Id(root, 1), Dict(root, 2), Payload(root, 3)) : null!,
            _ => throw Violation($"unknown message code {code}"),
        };
    }

    /// <summary>Writes a message in its JSON array form.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="message">The message.</param>
    public static void Write(Utf8JsonWriter writer, WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        writer.WriteStartArray();
        writer.WriteNumberValue((int)message.Type);
        switch (message)
        {
            case HelloMessage m: writer.WriteStringValue(m.Realm); m.Details.WriteTo(writer); break;
            case WelcomeMessage m: writer.WriteNumberValue(m.SessionId); m.Details.WriteTo(writer); break;
            case AbortMessage m: m.Details.WriteTo(writer); writer.WriteStringValue(m.Reason); WritePayload(writer, m.Payload); break;
            case ChallengeMessage m: writer.WriteStringValue(m.AuthMethod); m.Extra.WriteTo(writer); break;
            case AuthenticateMessage m: writer.WriteStringValue(m.Signature); m.Extra.WriteTo(writer); break;
            case GoodbyeMessage m: m.Details.WriteTo(writer); writer.WriteStringValue(m.Reason); break;
            case ErrorMessage m:
                writer.WriteNumberValue((int)m.RequestType); writer.WriteNumberValue(m.RequestId); m.Details.WriteTo(writer);
                writer.WriteStringValue(m.ErrorUri); WritePayload(writer, m.Payload); break;
            case PublishMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); writer.WriteStringValue(m.Topic); WritePayload(writer, m.Payload); break;
            case PublishedMessage m: writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.PublicationId); break;
            case SubscribeMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); writer.WriteStringValue(m.Topic); break;
            case SubscribedMessage m: writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.SubscriptionId); break;
            case UnsubscribeMessage m: writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.SubscriptionId); break;
            case UnsubscribedMessage m: writer.WriteNumberValue(m.RequestId); m.Details?.WriteTo(writer); break;
            case EventMessage m:
                writer.WriteNumberValue(m.SubscriptionId); writer.WriteNumberValue(m.PublicationId); m.Details.WriteTo(writer);
                WritePayload(writer, m.Payload); break;
            case CallMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); writer.WriteStringValue(m.Procedure); WritePayload(writer, m.Payload); break;
            case CancelMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); break;
            case ResultMessage m: writer.WriteNumberValue(m.RequestId); m.Details.WriteTo(writer); WritePayload(writer, m.Payload); break;
            case RegisterMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); writer.WriteStringValue(m.Procedure); break;
            case RegisteredMessage m: writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.RegistrationId); break;
            case UnregisterMessage m: writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.RegistrationId); break;
            case UnregisteredMessage m: writer.WriteNumberValue(m.RequestId); m.Details?.WriteTo(writer); break;
            case InvocationMessage m:
                writer.WriteNumberValue(m.RequestId); writer.WriteNumberValue(m.RegistrationId); m.Details.WriteTo(writer);
                WritePayload(writer, m.Payload); break;
            case InterruptMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); break;
            case YieldMessage m: writer.WriteNumberValue(m.RequestId); m.Options.WriteTo(writer); WritePayload(writer, m.Payload); break;
            default: throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }

        writer.WriteEndArray();
    }

    // Empty payload parts are omitted, but positional arguments are written ([]) when keywords follow.
    private static void WritePayload(Utf8JsonWriter writer, WampPayload payload)
    {
        bool hasKw = payload.ArgumentsKeywords is { } kw && kw.EnumerateObject().Any();
        bool hasArgs = payload.Count > 0;
        if (hasArgs || hasKw)
        {
            if (payload.Arguments is { } a) { a.WriteTo(writer); } else { writer.WriteStartArray(); writer.WriteEndArray(); }
        }

        if (hasKw)
        {
            payload.ArgumentsKeywords!.Value.WriteTo(writer);
        }
    }

    private static bool Expect(WampMessageType type, int n, int min, int max)
    {
        if (n < min || n > max)
        {
            string range = min == max ? $"{min}" : $"{min} to {max}";
            throw Violation($"{type.ToString().ToUpperInvariant()} has {range} elements, not {n}");
        }

        return true;
    }

    private static long Id(JsonElement root, int index, bool allowZero = false)
    {
        JsonElement e = root[index];
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt64(out long id) || id < (allowZero ? 0 : 1) || id > MaxId)
        {
            throw Violation($"element {index} must be an id in 1..2^53, not {Describe(e)}");
        }

        return id;
    }

    private static WampMessageType RequestType(JsonElement root, int index)
    {
        JsonElement e = root[index];
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int code))
        {
            throw Violation($"element {index} of ERROR must be the failed request's code, not {Describe(e)}");
        }

        var type = (WampMessageType)code;
        return type is WampMessageType.Publish or WampMessageType.Subscribe or WampMessageType.Unsubscribe or WampMessageType.Call
            or WampMessageType.Register or WampMessageType.Unregister or WampMessageType.Invocation or WampMessageType.Cancel
            ? type
            : throw Violation($"ERROR cannot answer a message of code {code}");
    }

    private static string Uri(JsonElement root, int index)
    {
        JsonElement e = root[index];
        if (e.ValueKind != JsonValueKind.String || e.GetString() is not { Length: > 0 } s)
        {
            throw Violation($"element {index} must be a URI string, not {Describe(e)}");
        }

        return s;
    }

    /// <summary>The longest error or close reason URI accepted: 512 characters.</summary>
    public const int MaxReasonUriLength = 512;

    // Error and close reasons end up in exception messages and logs (ErrorUri), so they must really be URIs in
    // WAMP's loose rule: dot-separated non-empty components without whitespace, control characters or '#'.
    private static string ReasonUri(JsonElement root, int index)
    {
        string s = Uri(root, index);
        if (!IsLooseUri(s))
        {
            throw Violation($"element {index} must be an error URI (dot-separated components without whitespace, control characters or '#', at most {MaxReasonUriLength} characters), not '{ServerText.Sanitize(s, 80)}'");
        }

        return s;
    }

    /// <summary>Whether <paramref name="uri"/> is a URI by WAMP's loose rule, at most <see cref="MaxReasonUriLength"/> characters.</summary>
    /// <param name="uri">The text to check.</param>
    /// <returns><see langword="true"/> when it is.</returns>
    public static bool IsLooseUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (uri.Length is 0 or > MaxReasonUriLength || uri[0] == '.' || uri[^1] == '.')
        {
            return false;
        }

        for (int i = 0; i < uri.Length; i++)
        {
            char c = uri[i];
            if (c == '#' || char.IsWhiteSpace(c) || char.IsControl(c) || (c == '.' && uri[i - 1] == '.')
                || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    private static string Str(JsonElement root, int index)
    {
        JsonElement e = root[index];
        return e.ValueKind == JsonValueKind.String ? e.GetString()! : throw Violation($"element {index} must be a string, not {Describe(e)}");
    }

    private static JsonElement Dict(JsonElement root, int index)
    {
        JsonElement e = root[index];
        return e.ValueKind == JsonValueKind.Object ? e : throw Violation($"element {index} must be a dictionary, not {Describe(e)}");
    }

    // Accepts a JSON null in either payload position (fox-wamp sends [50,1,{},[5],null]) and treats it as absent.
    private static WampPayload Payload(JsonElement root, int index)
    {
        int n = root.GetArrayLength();
        JsonElement? args = null;
        JsonElement? kwargs = null;
        if (n > index)
        {
            JsonElement a = root[index];
            if (a.ValueKind == JsonValueKind.Array) { args = a; }
            else if (a.ValueKind != JsonValueKind.Null) { throw Violation($"element {index} must be the arguments list, not {Describe(a)}"); }
        }

        if (n > index + 1)
        {
            JsonElement k = root[index + 1];
            if (k.ValueKind == JsonValueKind.Object) { kwargs = k; }
            else if (k.ValueKind != JsonValueKind.Null) { throw Violation($"element {index + 1} must be the keyword arguments dictionary, not {Describe(k)}"); }
        }

        return new WampPayload(args, kwargs);
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {ServerText.Sanitize(e.GetRawText(), 40)}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "a dictionary",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString().ToLowerInvariant(),
    };

    private static WampProtocolViolationException Violation(string what) => new($"Malformed WAMP message: {what}.");
}

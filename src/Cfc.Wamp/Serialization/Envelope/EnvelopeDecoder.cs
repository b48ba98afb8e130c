using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// The WAMP message shape rules (field counts, field kinds, id ranges, known codes), written once over
/// <see cref="IFrameFormat"/> so that JSON, CBOR and MessagePack frames are read straight into messages without an
/// intermediate document. Dictionaries become <see cref="JsonElement"/>s (the empty one is shared); payloads become
/// JSON bytes (<see cref="EncodedPayload"/>) that are decoded into a type only when someone asks.
/// </summary>
internal static class EnvelopeDecoder
{
    [ThreadStatic]
    private static PooledBufferWriter? t_payload;

    // URIs and dictionaries that repeat (procedures, topics, call options) are decoded once; the three formats' encodings
    // of a string or a map never share bytes, so one memo serves them all.
    private static readonly RecentValues<string> Strings = new();
    private static readonly RecentValues<JsonElement> Dictionaries = new();

    /// <summary>Reads the message of a tokenized frame.</summary>
    /// <typeparam name="TFrame">The format.</typeparam>
    /// <param name="f">The tokenized frame.</param>
    /// <returns>The message.</returns>
    /// <exception cref="WampProtocolViolationException">The frame is not a well-formed WAMP message.</exception>
    public static WampMessage Read<TFrame>(ref TFrame f)
        where TFrame : IFrameFormat, allows ref struct
    {
        int n = f.Count;
        if (n == 0)
        {
            throw Violation("a WAMP message is a non-empty array");
        }

        FrameSlot codeSlot = f.Slot(0);
        if (codeSlot.Kind != SlotKind.Integer || codeSlot.Integer is < int.MinValue or > int.MaxValue)
        {
            throw Violation("the first element of a WAMP message is its integer code");
        }

        var type = (WampMessageType)codeSlot.Integer;
        return type switch
        {
            WampMessageType.Hello => Expect(type, n, 3, 3) ? new HelloMessage(Uri(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Welcome => Expect(type, n, 3, 3) ? new WelcomeMessage(Id(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Abort => Expect(type, n, 3, 5) ? new AbortMessage(Dict(ref f, 1), ReasonUri(ref f, 2), Payload(ref f, 3)) : null!,
            WampMessageType.Challenge => Expect(type, n, 3, 3) ? new ChallengeMessage(Str(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Authenticate => Expect(type, n, 3, 3) ? new AuthenticateMessage(Str(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Goodbye => Expect(type, n, 3, 3) ? new GoodbyeMessage(Dict(ref f, 1), ReasonUri(ref f, 2)) : null!,
            WampMessageType.Error => Expect(type, n, 5, 7) ? new ErrorMessage(RequestType(ref f, 1), Id(ref f, 2), Dict(ref f, 3), ReasonUri(ref f, 4), Payload(ref f, 5)) : null!,
            WampMessageType.Publish => Expect(type, n, 4, 6) ? new PublishMessage(Id(ref f, 1), Dict(ref f, 2), Uri(ref f, 3), Payload(ref f, 4)) : null!,
            WampMessageType.Published => Expect(type, n, 3, 3) ? new PublishedMessage(Id(ref f, 1), Id(ref f, 2)) : null!,
            WampMessageType.Subscribe => Expect(type, n, 4, 4) ? new SubscribeMessage(Id(ref f, 1), Dict(ref f, 2), Uri(ref f, 3)) : null!,
            WampMessageType.Subscribed => Expect(type, n, 3, 3) ? new SubscribedMessage(Id(ref f, 1), Id(ref f, 2)) : null!,
            WampMessageType.Unsubscribe => Expect(type, n, 3, 3) ? new UnsubscribeMessage(Id(ref f, 1), Id(ref f, 2)) : null!,
            WampMessageType.Unsubscribed => Expect(type, n, 2, 3) ? new UnsubscribedMessage(Id(ref f, 1, allowZero: true), n > 2 ? Dict(ref f, 2) : null) : null!,
            WampMessageType.Event => Expect(type, n, 4, 6) ? new EventMessage(Id(ref f, 1), Id(ref f, 2), Dict(ref f, 3), Payload(ref f, 4)) : null!,
            WampMessageType.Call => Expect(type, n, 4, 6) ? new CallMessage(Id(ref f, 1), Dict(ref f, 2), Uri(ref f, 3), Payload(ref f, 4)) : null!,
            WampMessageType.Cancel => Expect(type, n, 3, 3) ? new CancelMessage(Id(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Result => Expect(type, n, 3, 5) ? new ResultMessage(Id(ref f, 1), Dict(ref f, 2), Payload(ref f, 3)) : null!,
            WampMessageType.Register => Expect(type, n, 4, 4) ? new RegisterMessage(Id(ref f, 1), Dict(ref f, 2), Uri(ref f, 3)) : null!,
            WampMessageType.Registered => Expect(type, n, 3, 3) ? new RegisteredMessage(Id(ref f, 1), Id(ref f, 2)) : null!,
            WampMessageType.Unregister => Expect(type, n, 3, 3) ? new UnregisterMessage(Id(ref f, 1), Id(ref f, 2)) : null!,
            WampMessageType.Unregistered => Expect(type, n, 2, 3) ? new UnregisteredMessage(Id(ref f, 1, allowZero: true), n > 2 ? Dict(ref f, 2) : null) : null!,
            WampMessageType.Invocation => Expect(type, n, 4, 6) ? new InvocationMessage(Id(ref f, 1), Id(ref f, 2), Dict(ref f, 3), Payload(ref f, 4)) : null!,
            WampMessageType.Interrupt => Expect(type, n, 3, 3) ? new InterruptMessage(Id(ref f, 1), Dict(ref f, 2)) : null!,
            WampMessageType.Yield => Expect(type, n, 3, 5) ? new YieldMessage(Id(ref f, 1), Dict(ref f, 2), Payload(ref f, 3)) : null!,
            _ => throw Violation($"unknown message code {codeSlot.Integer}"),
        };
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

    private static long Id<TFrame>(ref TFrame f, int index, bool allowZero = false)
        where TFrame : IFrameFormat, allows ref struct
    {
        FrameSlot s = f.Slot(index);
        if (s.Kind != SlotKind.Integer || s.Integer < (allowZero ? 0 : 1) || s.Integer > WampMessageCodec.MaxId)
        {
            throw Violation($"element {index} must be an id in 1..2^53, not {Describe(ref f, s)}");
        }

        return s.Integer;
    }

    private static WampMessageType RequestType<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        FrameSlot s = f.Slot(index);
        if (s.Kind != SlotKind.Integer || s.Integer is < int.MinValue or > int.MaxValue)
        {
            throw Violation($"element {index} of ERROR must be the failed request's code, not {Describe(ref f, s)}");
        }

        var type = (WampMessageType)s.Integer;
        return type is WampMessageType.Publish or WampMessageType.Subscribe or WampMessageType.Unsubscribe or WampMessageType.Call
            or WampMessageType.Register or WampMessageType.Unregister or WampMessageType.Invocation or WampMessageType.Cancel
            ? type
            : throw Violation($"ERROR cannot answer a message of code {s.Integer}");
    }

    private static string Uri<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        FrameSlot s = f.Slot(index);
        if (s.Kind != SlotKind.String || ReadString(ref f, s) is not { Length: > 0 } uri)
        {
            throw Violation($"element {index} must be a URI string, not {Describe(ref f, s)}");
        }

        return uri;
    }

    // Error and close reasons end up in exception messages and logs, so they must really be URIs (see WampMessageCodec.IsLooseUri).
    private static string ReasonUri<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        string s = Uri(ref f, index);
        if (!WampMessageCodec.IsLooseUri(s))
        {
            throw Violation($"element {index} must be an error URI (dot-separated components without whitespace, control characters or '#', at most {WampMessageCodec.MaxReasonUriLength} characters), not '{ServerText.Sanitize(s, 80)}'");
        }

        return s;
    }

    private static string Str<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        FrameSlot s = f.Slot(index);
        return s.Kind == SlotKind.String ? f.ReadString(s) : throw Violation($"element {index} must be a string, not {Describe(ref f, s)}");
    }

    private static JsonElement Dict<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        FrameSlot s = f.Slot(index);
        if (s.Kind != SlotKind.Map)
        {
            throw Violation($"element {index} must be a dictionary, not {Describe(ref f, s)}");
        }

        if (s.IsEmpty)
        {
            return WampJson.EmptyObject;
        }

        ReadOnlySpan<byte> encoded = f.Encoded(s);
        if (Dictionaries.TryGet(encoded, out int hash, out JsonElement known))
        {
            return known;
        }

        JsonElement value = f.ReadDict(s);
        Dictionaries.Remember(encoded, hash, value);
        return value;
    }

    private static string ReadString<TFrame>(ref TFrame f, in FrameSlot s)
        where TFrame : IFrameFormat, allows ref struct
    {
        ReadOnlySpan<byte> encoded = f.Encoded(s);
        if (Strings.TryGet(encoded, out int hash, out string? known))
        {
            return known;
        }

        string value = f.ReadString(s);
        Strings.Remember(encoded, hash, value);
        return value;
    }

    // Accepts a null in either payload position (fox-wamp sends [50,1,{},[5],null]) and treats it as absent.
    private static WampPayload Payload<TFrame>(ref TFrame f, int index)
        where TFrame : IFrameFormat, allows ref struct
    {
        int n = f.Count;
        bool hasArgs = false;
        bool hasKwargs = false;
        FrameSlot args = default;
        FrameSlot kwargs = default;
        if (n > index)
        {
            args = f.Slot(index);
            if (args.Kind == SlotKind.Array) { hasArgs = true; }
            else if (args.Kind != SlotKind.Null) { throw Violation($"element {index} must be the arguments list, not {Describe(ref f, args)}"); }
        }

        if (n > index + 1)
        {
            kwargs = f.Slot(index + 1);
            if (kwargs.Kind == SlotKind.Map) { hasKwargs = true; }
            else if (kwargs.Kind != SlotKind.Null) { throw Violation($"element {index + 1} must be the keyword arguments dictionary, not {Describe(ref f, kwargs)}"); }
        }

        if (!hasArgs && !hasKwargs)
        {
            return WampPayload.Empty;
        }

        PooledBufferWriter json = t_payload ?? new PooledBufferWriter(1024);
        t_payload = null;
        try
        {
            json.Clear();
            if (hasArgs)
            {
                f.AppendJson(args, json);
            }

            int argsLength = json.WrittenCount;
            if (hasKwargs)
            {
                f.AppendJson(kwargs, json);
            }

            ReadOnlySpan<byte> all = json.WrittenSpan;
            return new WampPayload(EncodedPayload.Copy(all[..argsLength], all[argsLength..], count: args.IsEmpty ? 0 : -1, hasKeywords: hasKwargs && !kwargs.IsEmpty));
        }
        finally
        {
            if (json.Capacity <= 256 * 1024)
            {
                json.Clear();
                t_payload = json;
            }
            else
            {
                json.Dispose();
            }
        }
    }

    private static string Describe<TFrame>(ref TFrame f, in FrameSlot s)
        where TFrame : IFrameFormat, allows ref struct => s.Kind switch
        {
            SlotKind.String => "a string",
            SlotKind.Integer => $"the number {s.Integer}",
            SlotKind.Number => $"the number {ServerText.Sanitize(f.NumberText(s), 40)}",
            SlotKind.Bytes => "a byte string",
            SlotKind.Array => "a list",
            SlotKind.Map => "a dictionary",
            SlotKind.Null => "null",
            _ => "a boolean",
        };

    /// <summary>Creates the exception for a message whose shape is wrong.</summary>
    /// <param name="what">What was wrong.</param>
    /// <returns>The exception.</returns>
    public static WampProtocolViolationException Violation(string what) => new($"Malformed WAMP message: {what}.");
}

using System.Runtime.InteropServices;
using System.Text.Json;
using Cfc.Wamp.Serialization.Envelope;

namespace Cfc.Wamp.Messages;

/// <summary>
/// Maps WAMP messages to and from their JSON array form. The protocol's shape rules (field counts, field types, id
/// ranges, known codes) live once, in the envelope reader every serializer shares (JSON, CBOR and MessagePack frames are
/// each read directly, without a document or a detour through JSON text).
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
            throw EnvelopeDecoder.Violation($"a WAMP message is an array, not {root.ValueKind}");
        }

        var frame = new JsonFrame(JsonMarshal.GetRawUtf8Value(root));
        return EnvelopeDecoder.Read(ref frame);
    }

    /// <summary>Writes a message in its JSON array form.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="message">The message.</param>
    public static void Write(Utf8JsonWriter writer, WampMessage message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new JsonEnvelopeWriter(writer);
        EnvelopeEncoder.Write(ref envelope, message);
    }

    /// <summary>The longest error or close reason URI accepted: 512 characters.</summary>
    public const int MaxReasonUriLength = 512;

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
}

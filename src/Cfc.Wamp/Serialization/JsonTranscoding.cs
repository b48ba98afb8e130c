using System.Buffers;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// What the binary serializers (CBOR, MessagePack) share: a message goes through the JSON serializer and is then
/// transcoded to the binary format, and back; only the transcoder differs. Keeping the shape rules in the JSON path
/// means they live in one place.
/// </summary>
internal static class JsonTranscoding
{
    /// <summary>Transcodes one whole document from one format to the other.</summary>
    internal delegate void Transcoder(ReadOnlySpan<byte> source, IBufferWriter<byte> destination);

    /// <summary>Writes <paramref name="message"/> as JSON, then transcodes it into <paramref name="output"/>.</summary>
    public static void Serialize(WampMessage message, IBufferWriter<byte> output, Transcoder fromJson)
    {
        using var json = new PooledBufferWriter(512);
        JsonMessageSerializer.Instance.Serialize(message, json);
        fromJson(json.WrittenSpan, output);
    }

    /// <summary>Transcodes <paramref name="frame"/> to JSON, then reads it as a message.</summary>
    public static WampMessage Deserialize(ReadOnlySpan<byte> frame, Transcoder toJson)
    {
        // JSON text is at most about twice the size of the binary form for the data WAMP carries.
        using var json = new PooledBufferWriter(Math.Max(256, frame.Length * 2));
        toJson(frame, json);
        return JsonMessageSerializer.Instance.Deserialize(json.WrittenSpan);
    }
}

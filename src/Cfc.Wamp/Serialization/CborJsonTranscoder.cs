using System.Buffers;

namespace Cfc.Wamp.Serialization;

/// <summary>Transcodes between Cbor and the JSON data model (placeholder until the transcoder lands).</summary>
internal static class CborJsonTranscoder
{
    public static void JsonToCbor(ReadOnlySpan<byte> json, IBufferWriter<byte> output) => throw new NotSupportedException("Cbor transcoding is not written yet.");

    public static void CborToJson(ReadOnlySpan<byte> data, IBufferWriter<byte> json) => throw new NotSupportedException("Cbor transcoding is not written yet.");
}

using System.Buffers;

namespace Cfc.Wamp.Serialization;

/// <summary>Transcodes between MessagePack and the JSON data model (placeholder until the transcoder lands).</summary>
internal static class MessagePackJsonTranscoder
{
    public static void JsonToMessagePack(ReadOnlySpan<byte> json, IBufferWriter<byte> output) => throw new NotSupportedException("MessagePack transcoding is not written yet.");

    public static void MessagePackToJson(ReadOnlySpan<byte> data, IBufferWriter<byte> json) => throw new NotSupportedException("MessagePack transcoding is not written yet.");
}

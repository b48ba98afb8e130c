using System.Buffers;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// The <c>wamp.2.cbor</c> serializer. Messages are transcoded to and from the JSON data model that the rest of the
/// core uses (byte strings map to the WAMP binary string form), so the protocol's shape rules live in one place.
/// </summary>
public sealed class CborMessageSerializer : IWampMessageSerializer
{
    /// <summary>The shared instance.</summary>
    public static CborMessageSerializer Instance { get; } = new();

    /// <inheritdoc />
    public WampSerializer Kind => WampSerializer.Cbor;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        using var json = new PooledBufferWriter(512);
        JsonMessageSerializer.Instance.Serialize(message, json);
        CborJsonTranscoder.JsonToCbor(json.WrittenSpan, output);
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlySpan<byte> frame)
    {
        using var json = new PooledBufferWriter(Math.Max(256, frame.Length * 2));
        CborJsonTranscoder.CborToJson(frame, json);
        return JsonMessageSerializer.Instance.Deserialize(json.WrittenSpan);
    }
}

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
    public void Serialize(WampMessage message, IBufferWriter<byte> output) => JsonTranscoding.Serialize(message, output, CborJsonTranscoder.JsonToCbor);

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlySpan<byte> frame) => JsonTranscoding.Deserialize(frame, CborJsonTranscoder.CborToJson);
}

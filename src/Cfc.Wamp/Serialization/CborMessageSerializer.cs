using System.Buffers;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization.Envelope;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// The <c>wamp.2.cbor</c> serializer. Frames are read and written directly: the message array, ids and URIs with the
/// format's own reader and writer; dictionaries and payloads are transcoded element by element to and from the JSON data
/// model the rest of the core uses (byte strings map to the WAMP binary string form), without a JSON document.
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
        ArgumentNullException.ThrowIfNull(output);
        var writer = new BinaryEnvelopeWriter<CborValueSink>(new CborValueSink(output), "CBOR");
        EnvelopeEncoder.Write(ref writer, message);
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlySpan<byte> frame)
    {
        var tokens = new CborFrame(frame);
        try
        {
            return EnvelopeDecoder.Read(ref tokens);
        }
        finally
        {
            tokens.Dispose();
        }
    }
}

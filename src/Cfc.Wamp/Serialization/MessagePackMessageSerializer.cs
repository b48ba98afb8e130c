using System.Buffers;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization.Envelope;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// The <c>wamp.2.msgpack</c> serializer. Frames are read and written directly: the message array, ids and URIs with the
/// format's own reader and writer; dictionaries and payloads are transcoded element by element to and from the JSON data
/// model the rest of the core uses (byte strings map to the WAMP binary string form), without a JSON document.
/// </summary>
public sealed class MessagePackMessageSerializer : IWampMessageSerializer
{
    /// <summary>The shared instance.</summary>
    public static MessagePackMessageSerializer Instance { get; } = new();

    /// <inheritdoc />
    public WampSerializer Kind => WampSerializer.MessagePack;

    /// <inheritdoc />
    public void Serialize(WampMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = new BinaryEnvelopeWriter<MessagePackValueSink>(new MessagePackValueSink(output), "MessagePack");
        EnvelopeEncoder.Write(ref writer, message);
    }

    /// <inheritdoc />
    public WampMessage Deserialize(ReadOnlySpan<byte> frame)
    {
        var tokens = new MessagePackFrame(frame);
        return EnvelopeDecoder.Read(ref tokens);
    }
}

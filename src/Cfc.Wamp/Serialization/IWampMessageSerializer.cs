using System.Buffers;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// Turns messages into frames and frames into messages for one serializer. Implementations are stateless
/// and thread-safe. Decoding failures surface as <see cref="WampProtocolViolationException"/>.
/// </summary>
public interface IWampMessageSerializer
{
    /// <summary>Which serializer this is.</summary>
    WampSerializer Kind { get; }

    /// <summary>Writes one message as one frame.</summary>
    /// <param name="message">The message.</param>
    /// <param name="output">Where the frame's bytes go.</param>
    void Serialize(WampMessage message, IBufferWriter<byte> output);

    /// <summary>Reads one frame as one message.</summary>
    /// <param name="frame">The frame's bytes.</param>
    /// <returns>The message.</returns>
    /// <exception cref="WampProtocolViolationException">The frame is not a well-formed message.</exception>
    WampMessage Deserialize(ReadOnlySpan<byte> frame);
}

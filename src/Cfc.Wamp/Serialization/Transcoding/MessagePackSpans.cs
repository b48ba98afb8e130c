using System.Buffers.Binary;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>
/// The bounds-checked primitives every MessagePack reader in this assembly walks a frame with (the envelope reader and
/// the payload transcoder): a frame that ends in the middle of a value is a protocol violation, never an
/// <see cref="IndexOutOfRangeException"/>.
/// </summary>
internal static class MessagePackSpans
{
    private const string Format = "MessagePack";

    /// <summary>Takes the next <paramref name="length"/> bytes and moves past them.</summary>
    internal static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> data, ref int position, long length)
    {
        if (length > data.Length - position)
        {
            throw Truncated();
        }

        ReadOnlySpan<byte> slice = data.Slice(position, (int)length);
        position += (int)length;
        return slice;
    }

    /// <summary>Reads a big-endian length of 1, 2 or 4 bytes (<paramref name="sizeLog2"/> = 0, 1, 2).</summary>
    internal static long ReadLength(ReadOnlySpan<byte> data, ref int position, int sizeLog2) => sizeLog2 switch
    {
        0 => Take(data, ref position, 1)[0],
        1 => BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref position, 2)),
        _ => BinaryPrimitives.ReadUInt32BigEndian(Take(data, ref position, 4)),
    };

    /// <summary>The violation for a frame that ends in the middle of a value.</summary>
    internal static WampProtocolViolationException Truncated() =>
        TranscodingLimits.Violation(Format, "the frame ends in the middle of a value");
}

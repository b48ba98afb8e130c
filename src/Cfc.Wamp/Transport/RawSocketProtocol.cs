namespace Cfc.Wamp.Transport;

/// <summary>
/// The RawSocket wire constants: the 4-octet handshake <c>0x7F, LEN&lt;&lt;4 | SER, 0, 0</c> (maximum size
/// 2^(9+LEN)) and the 4-octet frame header <c>RRRR XTTT</c> + 24-bit big-endian length.
/// </summary>
internal static class RawSocketProtocol
{
    public const byte Magic = 0x7F;
    public const int HeaderLength = 4;
    public const int MaxFrameLength = 1 << 24;

    public const byte MessageFrame = 0;
    public const byte PingFrame = 1;
    public const byte PongFrame = 2;

    /// <summary>The largest LEN whose size 2^(9+LEN) does not exceed <paramref name="maxMessageSize"/> (so we never invite more than we accept).</summary>
    public static int LengthExponent(int maxMessageSize)
    {
        int exponent = 0;
        while (exponent < 15 && SizeFor(exponent + 1) <= maxMessageSize)
        {
            exponent++;
        }

        return exponent;
    }

    public static int SizeFor(int exponent) => 1 << (9 + exponent);

    public static void WriteHandshake(Span<byte> destination, int lengthExponent, int serializerId)
    {
        destination[0] = Magic;
        destination[1] = (byte)((lengthExponent << 4) | serializerId);
        destination[2] = 0;
        destination[3] = 0;
    }

    public static void WriteError(Span<byte> destination, int errorCode)
    {
        destination[0] = Magic;
        destination[1] = (byte)(errorCode << 4);
        destination[2] = 0;
        destination[3] = 0;
    }

    public static string DescribeError(int errorCode, int serializerId, int announcedSize) => errorCode switch
    {
        1 => $"the router does not support the requested serializer (RawSocket id {serializerId})",
        2 => $"the router does not accept the announced maximum message size of {announcedSize} bytes",
        3 => "the router saw reserved bits used in the handshake",
        4 => "the router has reached its maximum connection count",
        _ => $"the router answered with the unknown error code {errorCode}",
    };

    public static void WriteFrameHeader(Span<byte> destination, byte frameType, int length)
    {
        // Exactly 2^24 sets the X bit (the 25th length bit) with zero in the 24 low bits.
        destination[0] = (byte)(frameType | (length == MaxFrameLength ? 0x08 : 0));
        destination[1] = (byte)(length >> 16);
        destination[2] = (byte)(length >> 8);
        destination[3] = (byte)length;
    }

    /// <summary>Reads a frame header; <see langword="false"/> when reserved bits are set or the length is over 2^24.</summary>
    public static bool TryReadFrameHeader(ReadOnlySpan<byte> header, out byte frameType, out int length)
    {
        frameType = (byte)(header[0] & 0x07);
        length = (header[1] << 16) | (header[2] << 8) | header[3];
        if ((header[0] & 0xF0) != 0)
        {
            return false;
        }

        if ((header[0] & 0x08) != 0)
        {
            if (length != 0)
            {
                return false;
            }

            length = MaxFrameLength;
        }

        return true;
    }
}

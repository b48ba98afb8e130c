using System.Buffers;
using System.Buffers.Binary;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>
/// Writes JSON values as CBOR straight into an <see cref="IBufferWriter{T}"/>: definite lengths, the shortest argument
/// encoding for integers, lengths and counts (RFC 8949 preferred serialization), and floats as float64.
/// </summary>
/// <remarks>
/// Reading uses <see cref="System.Formats.Cbor.CborReader"/>; writing does not use CborWriter because it shortens every
/// double that fits a half or single (in all conformance modes), whereas WAMP peers get float64 from us, and because it
/// takes text as UTF-16 and buffers the whole item before copying it out.
/// </remarks>
internal readonly struct CborValueSink : IBinaryValueSink
{
    private const byte UnsignedInteger = 0 << 5;
    private const byte NegativeInteger = 1 << 5;
    private const byte ByteString = 2 << 5;
    private const byte TextString = 3 << 5;
    private const byte Array = 4 << 5;
    private const byte Map = 5 << 5;

    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a sink over an output.</summary>
    /// <param name="output">Where the bytes go.</param>
    public CborValueSink(IBufferWriter<byte> output) => _output = output;

    public void StartArray(int count) => WriteHead(Array, (ulong)count);

    public void EndArray() { }

    public void StartMap(int count) => WriteHead(Map, (ulong)count);

    public void EndMap() { }

    public void Text(ReadOnlySpan<byte> utf8) => WriteString(TextString, utf8);

    public void Bytes(ReadOnlySpan<byte> value) => WriteString(ByteString, value);

    // A negative integer n is encoded as the argument -1 - n, which for long.MinValue is exactly long.MaxValue.
    public void Int64(long value) => WriteHead(value >= 0 ? UnsignedInteger : NegativeInteger, value >= 0 ? (ulong)value : (ulong)(-1 - value));

    public void UInt64(ulong value) => WriteHead(UnsignedInteger, value);

    public void Double(double value)
    {
        Span<byte> span = _output.GetSpan(9);
        span[0] = 0xfb;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        _output.Advance(9);
    }

    public void Boolean(bool value) => WriteByte(value ? (byte)0xf5 : (byte)0xf4);

    public void Null() => WriteByte(0xf6);

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    private void WriteString(byte majorType, ReadOnlySpan<byte> value)
    {
        WriteHead(majorType, (ulong)value.Length);
        value.CopyTo(_output.GetSpan(value.Length));
        _output.Advance(value.Length);
    }

    // The initial byte and argument: inline below 24, else 1, 2, 4 or 8 following bytes (additional info 24..27).
    private void WriteHead(byte majorType, ulong argument)
    {
        Span<byte> span = _output.GetSpan(9);
        int n;
        if (argument < 24)
        {
            span[0] = (byte)(majorType | (byte)argument);
            n = 1;
        }
        else if (argument <= byte.MaxValue)
        {
            span[0] = (byte)(majorType | 24);
            span[1] = (byte)argument;
            n = 2;
        }
        else if (argument <= ushort.MaxValue)
        {
            span[0] = (byte)(majorType | 25);
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)argument);
            n = 3;
        }
        else if (argument <= uint.MaxValue)
        {
            span[0] = (byte)(majorType | 26);
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)argument);
            n = 5;
        }
        else
        {
            span[0] = (byte)(majorType | 27);
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], argument);
            n = 9;
        }

        _output.Advance(n);
    }
}

using System.Buffers;
using System.Buffers.Binary;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>
/// Writes JSON values as MessagePack straight into an <see cref="IBufferWriter{T}"/>, using the smallest encoding
/// for integers, lengths and counts, str8 and bin for strings and byte strings (the WAMP str/bin distinction),
/// and float64 for floats.
/// </summary>
internal readonly struct MessagePackValueSink : IBinaryValueSink
{
    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a sink over an output.</summary>
    /// <param name="output">Where the bytes go.</param>
    public MessagePackValueSink(IBufferWriter<byte> output) => _output = output;

    public void StartArray(int count) => WriteHeader(count, 0x90, 0xdc, 0xdd);

    public void EndArray() { }

    public void StartMap(int count) => WriteHeader(count, 0x80, 0xde, 0xdf);

    public void EndMap() { }

    public void Text(ReadOnlySpan<byte> utf8) => WriteBlob(utf8, fixBase: 0xa0, fixMax: 31, code8: 0xd9, code16: 0xda, code32: 0xdb);

    public void Bytes(ReadOnlySpan<byte> value) => WriteBlob(value, fixBase: 0, fixMax: -1, code8: 0xc4, code16: 0xc5, code32: 0xc6);

    public void Int64(long value)
    {
        if (value >= 0)
        {
            UInt64((ulong)value);
            return;
        }

        Span<byte> span = _output.GetSpan(9);
        int n;
        if (value >= -32)
        {
            span[0] = unchecked((byte)(sbyte)value);
            n = 1;
        }
        else if (value >= sbyte.MinValue)
        {
            span[0] = 0xd0;
            span[1] = unchecked((byte)(sbyte)value);
            n = 2;
        }
        else if (value >= short.MinValue)
        {
            span[0] = 0xd1;
            BinaryPrimitives.WriteInt16BigEndian(span[1..], (short)value);
            n = 3;
        }
        else if (value >= int.MinValue)
        {
            span[0] = 0xd2;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
            n = 5;
        }
        else
        {
            span[0] = 0xd3;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
            n = 9;
        }

        _output.Advance(n);
    }

    public void UInt64(ulong value)
    {
        Span<byte> span = _output.GetSpan(9);
        int n;
        if (value <= 0x7f)
        {
            span[0] = (byte)value;
            n = 1;
        }
        else if (value <= byte.MaxValue)
        {
            span[0] = 0xcc;
            span[1] = (byte)value;
            n = 2;
        }
        else if (value <= ushort.MaxValue)
        {
            span[0] = 0xcd;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)value);
            n = 3;
        }
        else if (value <= uint.MaxValue)
        {
            span[0] = 0xce;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)value);
            n = 5;
        }
        else
        {
            span[0] = 0xcf;
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
            n = 9;
        }

        _output.Advance(n);
    }

    public void Double(double value)
    {
        Span<byte> span = _output.GetSpan(9);
        span[0] = 0xcb;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        _output.Advance(9);
    }

    public void Boolean(bool value) => WriteByte(value ? (byte)0xc3 : (byte)0xc2);

    public void Null() => WriteByte(0xc0);

    private void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        _output.Advance(1);
    }

    // Array and map headers: fix form for small counts, else the 16- or 32-bit form (MessagePack has no 8-bit count).
    private void WriteHeader(int count, byte fixBase, byte code16, byte code32)
    {
        Span<byte> span = _output.GetSpan(5);
        int n;
        if (count <= 15)
        {
            span[0] = (byte)(fixBase | count);
            n = 1;
        }
        else if (count <= ushort.MaxValue)
        {
            span[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)count);
            n = 3;
        }
        else
        {
            span[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)count);
            n = 5;
        }

        _output.Advance(n);
    }

    // str and bin: an optional fix form (str only), then 8-, 16- and 32-bit lengths, then the bytes.
    private void WriteBlob(ReadOnlySpan<byte> value, byte fixBase, int fixMax, byte code8, byte code16, byte code32)
    {
        int length = value.Length;
        Span<byte> span = _output.GetSpan(5 + length);
        int n;
        if (length <= fixMax)
        {
            span[0] = (byte)(fixBase | length);
            n = 1;
        }
        else if (length <= byte.MaxValue)
        {
            span[0] = code8;
            span[1] = (byte)length;
            n = 2;
        }
        else if (length <= ushort.MaxValue)
        {
            span[0] = code16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
            n = 3;
        }
        else
        {
            span[0] = code32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            n = 5;
        }

        value.CopyTo(span[n..]);
        _output.Advance(n + length);
    }
}

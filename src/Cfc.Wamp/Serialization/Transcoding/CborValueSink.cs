using System.Formats.Cbor;
using System.Text;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>Feeds JSON values into a <see cref="CborWriter"/> with definite lengths, floats as float64.</summary>
internal struct CborValueSink : IBinaryValueSink, IDisposable
{
    private readonly CborWriter _writer;
    private ScratchBuffer<char> _chars;

    /// <summary>Creates a sink over a writer.</summary>
    /// <param name="writer">The writer (Lax mode, so map keys are not tracked for uniqueness).</param>
    public CborValueSink(CborWriter writer) => _writer = writer;

    public readonly void StartArray(int count) => _writer.WriteStartArray(count);

    public readonly void EndArray() => _writer.WriteEndArray();

    public readonly void StartMap(int count) => _writer.WriteStartMap(count);

    public readonly void EndMap() => _writer.WriteEndMap();

    // CborWriter takes text as UTF-16; the bytes were validated, so the round trip through chars is lossless.
    public void Text(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = _chars.Get(utf8.Length);
        int n = Encoding.UTF8.GetChars(utf8, chars);
        _writer.WriteTextString(chars[..n]);
    }

    public readonly void Bytes(ReadOnlySpan<byte> value) => _writer.WriteByteString(value);

    public readonly void Int64(long value) => _writer.WriteInt64(value);

    public readonly void UInt64(ulong value) => _writer.WriteUInt64(value);

    // In Lax mode CborWriter keeps double precision (major type 7, 0xfb) rather than shrinking the value.
    public readonly void Double(double value) => _writer.WriteDouble(value);

    public readonly void Boolean(bool value) => _writer.WriteBoolean(value);

    public readonly void Null() => _writer.WriteNull();

    public void Dispose() => _chars.Dispose();
}

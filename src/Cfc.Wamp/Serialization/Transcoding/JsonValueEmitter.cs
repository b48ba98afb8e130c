using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>Writes decoded binary-format values into the JSON data model (the reverse direction of <see cref="JsonToBinaryWalker"/>).</summary>
internal static class JsonValueEmitter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A per-thread writer reset onto <paramref name="output"/> (no allocation per message). Pair with <see cref="Release"/>.</summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <returns>The writer.</returns>
    public static Utf8JsonWriter Rent(IBufferWriter<byte> output)
    {
        Utf8JsonWriter writer = t_writer ??= new Utf8JsonWriter(output, WampJson.WriterOptions);
        writer.Reset(output);
        return writer;
    }

    /// <summary>Detaches the per-thread writer from the caller's output so it is not kept alive.</summary>
    /// <param name="writer">The writer from <see cref="Rent"/>.</param>
    public static void Release(Utf8JsonWriter writer) => writer.Reset(NullBufferWriter.Instance);

    /// <summary>Writes a text string (or property name), rejecting invalid UTF-8.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="utf8">The string's bytes.</param>
    /// <param name="isKey">Whether it is a map key.</param>
    /// <param name="format">The source format's name, for error messages.</param>
    public static void WriteText(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8, bool isKey, string format)
    {
        if (!Utf8.IsValid(utf8))
        {
            throw TranscodingLimits.Violation(format, isKey ? "a map key is not valid UTF-8" : "a text string is not valid UTF-8");
        }

        if (isKey)
        {
            writer.WritePropertyName(utf8);
        }
        else
        {
            writer.WriteStringValue(utf8);
        }
    }

    /// <summary>Writes a byte string in the WAMP JSON binary form: U+0000 followed by padded base64.</summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The bytes.</param>
    /// <param name="scratch">Scratch space for the encoded form.</param>
    public static void WriteBinary(Utf8JsonWriter writer, ReadOnlySpan<byte> value, ref ScratchBuffer<byte> scratch)
    {
        Span<byte> buffer = scratch.Get(1 + Base64.GetMaxEncodedToUtf8Length(value.Length));
        buffer[0] = 0;
        Base64.EncodeToUtf8(value, buffer[1..], out _, out int written);
        writer.WriteStringValue(buffer[..(1 + written)]);
    }

    /// <summary>
    /// Writes a float so that it stays a float in the JSON model: integral values get a ".0" (otherwise 30.0 would come
    /// back as the integer 30 and be re-encoded as one).
    /// </summary>
    /// <param name="writer">The JSON writer.</param>
    /// <param name="value">The value.</param>
    /// <param name="format">The source format's name, for error messages.</param>
    public static void WriteDouble(Utf8JsonWriter writer, double value, string format)
    {
        if (!double.IsFinite(value))
        {
            throw TranscodingLimits.Violation(format, $"the float {value.ToString(CultureInfo.InvariantCulture)} has no JSON form");
        }

        Span<byte> buffer = stackalloc byte[40];
        value.TryFormat(buffer, out int n, "R", CultureInfo.InvariantCulture);
        if (buffer[..n].IndexOfAny(".eE"u8) < 0)
        {
            buffer[n++] = (byte)'.';
            buffer[n++] = (byte)'0';
        }

        writer.WriteRawValue(buffer[..n], skipInputValidation: true);
    }

    // A writer must always have an output; this one holds no memory (resetting onto a Stream would allocate).
    private sealed class NullBufferWriter : IBufferWriter<byte>
    {
        public static readonly NullBufferWriter Instance = new();

        public void Advance(int count) { }

        public Memory<byte> GetMemory(int sizeHint = 0) => Array.Empty<byte>();

        public Span<byte> GetSpan(int sizeHint = 0) => Array.Empty<byte>();
    }
}

using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>
/// Walks a JSON document and feeds its values to an <see cref="IBinaryValueSink"/>. CBOR and MessagePack put the
/// element count in front of each array and map, so the walk takes two passes over the text: the first counts the
/// entries of every container (in document order, into a pooled array), the second emits values. Strings in the
/// WAMP binary form ("\u0000" + base64) become byte strings; numbers become integers when they have no fraction
/// or exponent and fit 64 bits, doubles otherwise.
/// </summary>
internal static class JsonToBinaryWalker
{
    /// <summary>Transcodes <paramref name="json"/> into <paramref name="sink"/>.</summary>
    /// <typeparam name="TSink">The encoder.</typeparam>
    /// <param name="json">One JSON value (UTF-8).</param>
    /// <param name="sink">The encoder.</param>
    /// <param name="format">The target format's name, for error messages.</param>
    /// <exception cref="WampProtocolViolationException">The JSON is malformed, too deep, or has an invalid binary string.</exception>
    public static void Walk<TSink>(ReadOnlySpan<byte> json, ref TSink sink, string format)
        where TSink : struct, IBinaryValueSink
    {
        int[] counts = ArrayPool<int>.Shared.Rent(32);
        var scratch = new ScratchBuffer<byte>();
        try
        {
            CountEntries(json, ref counts);
            Emit(json, counts, ref sink, ref scratch, format);
        }
        catch (JsonException ex)
        {
            throw TranscodingLimits.Violation("JSON", $"cannot convert to {format}: {ex.Message}", ex);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
            scratch.Dispose();
        }
    }

    private static JsonReaderOptions ReaderOptions => new() { MaxDepth = TranscodingLimits.MaxDepth };

    // Pass 1: validates the JSON (syntax, depth, a single value) and records each container's entry count.
    private static void CountEntries(ReadOnlySpan<byte> json, ref int[] counts)
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        Span<int> open = stackalloc int[TranscodingLimits.MaxDepth + 1];
        Span<bool> openIsArray = stackalloc bool[TranscodingLimits.MaxDepth + 1];
        int depth = 0;
        int containers = 0;
        if (!reader.Read())
        {
            throw TranscodingLimits.Violation("JSON", "the frame is empty");
        }

        do
        {
            JsonTokenType token = reader.TokenType;
            if (token is JsonTokenType.EndArray or JsonTokenType.EndObject)
            {
                depth--;
                continue;
            }

            // A property name counts as one entry of its object; values count only inside arrays.
            if (depth > 0 && (token == JsonTokenType.PropertyName || openIsArray[depth - 1]))
            {
                counts[open[depth - 1]]++;
            }

            if (token is JsonTokenType.StartArray or JsonTokenType.StartObject)
            {
                if (containers == counts.Length)
                {
                    int[] bigger = ArrayPool<int>.Shared.Rent(containers * 2);
                    counts.AsSpan(0, containers).CopyTo(bigger);
                    ArrayPool<int>.Shared.Return(counts);
                    counts = bigger;
                }

                counts[containers] = 0;
                open[depth] = containers++;
                openIsArray[depth] = token == JsonTokenType.StartArray;
                depth++;
            }
        }
        while (reader.Read());
    }

    // Pass 2: emits the values, taking container sizes from pass 1 in the same document order.
    private static void Emit<TSink>(ReadOnlySpan<byte> json, int[] counts, ref TSink sink, ref ScratchBuffer<byte> scratch, string format)
        where TSink : struct, IBinaryValueSink
    {
        var reader = new Utf8JsonReader(json, ReaderOptions);
        int next = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray: sink.StartArray(counts[next++]); break;
                case JsonTokenType.EndArray: sink.EndArray(); break;
                case JsonTokenType.StartObject: sink.StartMap(counts[next++]); break;
                case JsonTokenType.EndObject: sink.EndMap(); break;
                case JsonTokenType.PropertyName: sink.Text(Unescape(ref reader, ref scratch)); break;
                case JsonTokenType.String: EmitString(ref reader, ref sink, ref scratch, format); break;
                case JsonTokenType.Number: EmitNumber(ref reader, ref sink, format); break;
                case JsonTokenType.True: sink.Boolean(true); break;
                case JsonTokenType.False: sink.Boolean(false); break;
                case JsonTokenType.Null: sink.Null(); break;
                default: throw TranscodingLimits.Violation("JSON", $"unexpected token {reader.TokenType}");
            }
        }
    }

    private static void EmitString<TSink>(ref Utf8JsonReader reader, ref TSink sink, ref ScratchBuffer<byte> scratch, string format)
        where TSink : struct, IBinaryValueSink
    {
        ReadOnlySpan<byte> text = Unescape(ref reader, ref scratch);
        if (text.IsEmpty || text[0] != 0)
        {
            sink.Text(text);
            return;
        }

        // WAMP binary form. JSON cannot hold a raw U+0000, so the string was escaped and now lives in scratch: decode in place.
        Span<byte> base64 = scratch.Get(text.Length)[1..text.Length];
        if (Base64.DecodeFromUtf8InPlace(base64, out int written) != OperationStatus.Done)
        {
            throw TranscodingLimits.Violation("JSON", $"a string that starts with U+0000 is a binary value, but the rest is not padded base64, so it has no {format} form");
        }

        sink.Bytes(base64[..written]);
    }

    // Returns the string's unescaped, UTF-8-validated bytes (the reader itself does not validate UTF-8).
    private static ReadOnlySpan<byte> Unescape(ref Utf8JsonReader reader, ref ScratchBuffer<byte> scratch)
    {
        ReadOnlySpan<byte> text;
        if (reader.ValueIsEscaped)
        {
            Span<byte> buffer = scratch.Get(reader.ValueSpan.Length);
            text = buffer[..reader.CopyString(buffer)];
        }
        else
        {
            text = reader.ValueSpan;
        }

        if (!Utf8.IsValid(text))
        {
            throw TranscodingLimits.Violation("JSON", "a string is not valid UTF-8");
        }

        return text;
    }

    private static void EmitNumber<TSink>(ref Utf8JsonReader reader, ref TSink sink, string format)
        where TSink : struct, IBinaryValueSink
    {
        bool isFloat = reader.ValueSpan.IndexOfAny(".eE"u8) >= 0;
        if (!isFloat)
        {
            if (reader.TryGetInt64(out long signed))
            {
                sink.Int64(signed);
                return;
            }

            if (reader.TryGetUInt64(out ulong unsigned))
            {
                sink.UInt64(unsigned);
                return;
            }
        }

        // A fraction, an exponent, or an integer beyond 64 bits: a double, as JavaScript peers would read it.
        if (!reader.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw TranscodingLimits.Violation("JSON", $"the number {System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} has no finite {format} form");
        }

        sink.Double(value);
    }
}

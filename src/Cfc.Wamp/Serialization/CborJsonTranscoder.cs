using System.Buffers;
using System.Formats.Cbor;
using System.Text.Json;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// Transcodes between CBOR and the JSON data model. Byte strings map to the WAMP binary string form ("\u0000" + base64);
/// integers stay integers (down to -2^63, up to 2^64-1); half, single and double floats become JSON floats, and JSON
/// floats are written as float64 (everything else in preferred serialization, with definite lengths). Reading uses
/// <see cref="CborReader"/> in <see cref="CborConformanceMode.Lax"/> mode: tags are read through (their value is kept)
/// except bignums, undefined reads as null, and indefinite-length items are accepted. Anything else (truncation, trailing bytes, non-string map keys,
/// nesting deeper than 64, invalid UTF-8) is a <see cref="WampProtocolViolationException"/>.
/// </summary>
internal static class CborJsonTranscoder
{
    private const string Format = "CBOR";

    [ThreadStatic]
    private static CborReader? t_reader;

    /// <summary>Encodes one JSON value as CBOR.</summary>
    /// <param name="json">The JSON text (UTF-8).</param>
    /// <param name="output">Where the CBOR goes.</param>
    /// <exception cref="WampProtocolViolationException">The JSON is malformed or has no CBOR form.</exception>
    public static void JsonToCbor(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sink = new CborValueSink(output);
        JsonToBinaryWalker.Walk(json, ref sink, Format);
    }

    /// <summary>Decodes one CBOR data item into JSON.</summary>
    /// <param name="data">The CBOR bytes: exactly one data item.</param>
    /// <param name="json">Where the JSON text goes.</param>
    /// <exception cref="WampProtocolViolationException">The bytes are not one well-formed item of the WAMP data model.</exception>
    public static void CborToJson(ReadOnlySpan<byte> data, IBufferWriter<byte> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (data.IsEmpty)
        {
            throw TranscodingLimits.Violation(Format, "the frame is empty");
        }

        // CborReader reads from memory rather than spans, so the frame is copied into a pooled array.
        byte[] copy = ArrayPool<byte>.Shared.Rent(data.Length);
        data.CopyTo(copy);
        CborReader reader = t_reader ?? new CborReader(ReadOnlyMemory<byte>.Empty, CborConformanceMode.Lax);
        t_reader = null;
        reader.Reset(copy.AsMemory(0, data.Length));
        Utf8JsonWriter writer = JsonValueEmitter.Rent(json);
        var scratch = new ScratchBuffer<byte>();
        try
        {
            ReadValue(reader, writer, 0, ref scratch);
            if (reader.BytesRemaining != 0)
            {
                throw TranscodingLimits.Violation(Format, $"{reader.BytesRemaining} trailing byte(s) after the message");
            }

            writer.Flush();
        }
        catch (Exception ex) when (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
        {
            throw TranscodingLimits.Violation(Format, $"not well-formed CBOR ({ex.Message})", ex);
        }
        finally
        {
            scratch.Dispose();
            JsonValueEmitter.Release(writer);
            reader.Reset(ReadOnlyMemory<byte>.Empty);
            t_reader = reader;
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Takes the per-thread reader (or a new one); give it back with <see cref="ReturnReader"/>.</summary>
    /// <returns>A Lax-mode reader.</returns>
    internal static CborReader RentReader()
    {
        CborReader reader = t_reader ?? new CborReader(ReadOnlyMemory<byte>.Empty, CborConformanceMode.Lax);
        t_reader = null;
        return reader;
    }

    /// <summary>Detaches <paramref name="reader"/> from its data and keeps it for the next message on this thread.</summary>
    /// <param name="reader">The reader from <see cref="RentReader"/>.</param>
    internal static void ReturnReader(CborReader reader)
    {
        reader.Reset(ReadOnlyMemory<byte>.Empty);
        t_reader = reader;
    }

    /// <summary>Transcodes the data item at the reader's position into JSON (one element of a message, read on its own).</summary>
    /// <param name="reader">The reader, positioned at the item.</param>
    /// <param name="json">Where the JSON goes.</param>
    /// <param name="depth">The number of containers around the item in its message (for the nesting limit).</param>
    /// <exception cref="WampProtocolViolationException">The item is outside the WAMP data model.</exception>
    internal static void TranscodeItem(CborReader reader, IBufferWriter<byte> json, int depth)
    {
        Utf8JsonWriter writer = JsonValueEmitter.Rent(json);
        var scratch = new ScratchBuffer<byte>();
        try
        {
            ReadValue(reader, writer, depth, ref scratch);
            writer.Flush();
        }
        catch (Exception ex) when (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
        {
            throw TranscodingLimits.Violation(Format, $"not well-formed CBOR ({ex.Message})", ex);
        }
        finally
        {
            scratch.Dispose();
            JsonValueEmitter.Release(writer);
        }
    }

    // depth = the number of containers around this value; recursion is bounded by MaxDepth.
    private static void ReadValue(CborReader reader, Utf8JsonWriter writer, int depth, ref ScratchBuffer<byte> scratch)
    {
        CborReaderState state = SkipTags(reader);
        switch (state)
        {
            case CborReaderState.UnsignedInteger:
                ulong unsigned = reader.ReadUInt64();
                if (unsigned <= long.MaxValue)
                {
                    writer.WriteNumberValue((long)unsigned);
                }
                else
                {
                    writer.WriteNumberValue(unsigned);
                }

                break;
            case CborReaderState.NegativeInteger:
                // The item encodes -1 - n.
                ulong n = reader.ReadCborNegativeIntegerRepresentation();
                if (n > long.MaxValue)
                {
                    throw TranscodingLimits.Violation(Format, "a negative integer is below -2^63");
                }

                writer.WriteNumberValue(-1L - (long)n);
                break;
            case CborReaderState.ByteString:
                JsonValueEmitter.WriteBinary(writer, reader.ReadDefiniteLengthByteString().Span, ref scratch);
                break;
            case CborReaderState.StartIndefiniteLengthByteString:
                using (PooledBufferWriter chunks = ReadChunks(reader, text: false))
                {
                    JsonValueEmitter.WriteBinary(writer, chunks.WrittenSpan, ref scratch);
                }

                break;
            case CborReaderState.TextString:
            case CborReaderState.StartIndefiniteLengthTextString:
                WriteText(reader, writer, state, isKey: false);
                break;
            case CborReaderState.StartArray:
                EnterContainer(depth);
                reader.ReadStartArray();
                writer.WriteStartArray();
                while (reader.PeekState() != CborReaderState.EndArray)
                {
                    ReadValue(reader, writer, depth + 1, ref scratch);
                }

                reader.ReadEndArray();
                writer.WriteEndArray();
                break;
            case CborReaderState.StartMap:
                EnterContainer(depth);
                reader.ReadStartMap();
                writer.WriteStartObject();
                while (reader.PeekState() != CborReaderState.EndMap)
                {
                    CborReaderState keyState = SkipTags(reader);
                    if (keyState is not (CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString))
                    {
                        throw TranscodingLimits.Violation(Format, $"map keys must be text strings, not {Describe(keyState)}");
                    }

                    WriteText(reader, writer, keyState, isKey: true);
                    ReadValue(reader, writer, depth + 1, ref scratch);
                }

                reader.ReadEndMap();
                writer.WriteEndObject();
                break;
            case CborReaderState.Boolean:
                writer.WriteBooleanValue(reader.ReadBoolean());
                break;
            case CborReaderState.Null:
                reader.ReadNull();
                writer.WriteNullValue();
                break;
            case CborReaderState.SimpleValue:
                CborSimpleValue simple = reader.ReadSimpleValue();
                if (simple != CborSimpleValue.Undefined)
                {
                    throw TranscodingLimits.Violation(Format, $"the simple value {(byte)simple} is outside the WAMP data model");
                }

                writer.WriteNullValue();
                break;
            case CborReaderState.HalfPrecisionFloat:
                JsonValueEmitter.WriteDouble(writer, (double)reader.ReadHalf(), Format);
                break;
            case CborReaderState.SinglePrecisionFloat:
                JsonValueEmitter.WriteDouble(writer, reader.ReadSingle(), Format);
                break;
            case CborReaderState.DoublePrecisionFloat:
                JsonValueEmitter.WriteDouble(writer, reader.ReadDouble(), Format);
                break;
            default:
                throw TranscodingLimits.Violation(Format, $"unexpected {Describe(state)}");
        }
    }

    // Tags are annotations (dates, URIs, ...): the WAMP data model keeps the tagged value. Bignums would lose their meaning.
    internal static CborReaderState SkipTags(CborReader reader)
    {
        CborReaderState state = reader.PeekState();
        while (state == CborReaderState.Tag)
        {
            CborTag tag = reader.ReadTag();
            if (tag is CborTag.UnsignedBigNum or CborTag.NegativeBigNum)
            {
                throw TranscodingLimits.Violation(Format, "bignums (tags 2 and 3) are outside the WAMP data model");
            }

            state = reader.PeekState();
        }

        return state;
    }

    private static void EnterContainer(int depth)
    {
        if (depth >= TranscodingLimits.MaxDepth)
        {
            throw TranscodingLimits.Violation(Format, $"containers are nested deeper than {TranscodingLimits.MaxDepth} levels");
        }
    }

    private static void WriteText(CborReader reader, Utf8JsonWriter writer, CborReaderState state, bool isKey)
    {
        if (state == CborReaderState.TextString)
        {
            JsonValueEmitter.WriteText(writer, reader.ReadDefiniteLengthTextStringBytes().Span, isKey, Format);
            return;
        }

        using PooledBufferWriter chunks = ReadChunks(reader, text: true);
        JsonValueEmitter.WriteText(writer, chunks.WrittenSpan, isKey, Format);
    }

    // Indefinite-length strings are rare; their definite-length chunks are concatenated into a pooled buffer.
    private static PooledBufferWriter ReadChunks(CborReader reader, bool text)
    {
        var chunks = new PooledBufferWriter(256);
        try
        {
            if (text)
            {
                reader.ReadStartIndefiniteLengthTextString();
                while (reader.PeekState() != CborReaderState.EndIndefiniteLengthTextString)
                {
                    chunks.Write(reader.ReadDefiniteLengthTextStringBytes().Span);
                }

                reader.ReadEndIndefiniteLengthTextString();
            }
            else
            {
                reader.ReadStartIndefiniteLengthByteString();
                while (reader.PeekState() != CborReaderState.EndIndefiniteLengthByteString)
                {
                    chunks.Write(reader.ReadDefiniteLengthByteString().Span);
                }

                reader.ReadEndIndefiniteLengthByteString();
            }

            return chunks;
        }
        catch
        {
            chunks.Dispose();
            throw;
        }
    }

    private static string Describe(CborReaderState state) => state switch
    {
        CborReaderState.UnsignedInteger or CborReaderState.NegativeInteger => "an integer",
        CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString => "a byte string",
        CborReaderState.StartArray => "an array",
        CborReaderState.StartMap => "a map",
        CborReaderState.EndArray or CborReaderState.EndMap => "the end of a container",
        CborReaderState.Boolean => "a boolean",
        CborReaderState.Null => "null",
        CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat => "a float",
        _ => state.ToString(),
    };
}

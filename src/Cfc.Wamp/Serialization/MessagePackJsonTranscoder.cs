using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using Cfc.Wamp.Serialization.Transcoding;
using static Cfc.Wamp.Serialization.Transcoding.MessagePackSpans;

namespace Cfc.Wamp.Serialization;

/// <summary>
/// Transcodes between MessagePack and the JSON data model, reading and writing the format directly (no package).
/// bin maps to the WAMP binary string form ("\u0000" + base64), str to strings; integers stay integers (int64, or
/// uint64 above 2^63-1); float32 and float64 become JSON floats, and JSON floats are written as float64. Extension
/// types, the never-used code 0xc1, non-string map keys, truncation, trailing bytes, nesting deeper than 64 and
/// invalid UTF-8 are a <see cref="WampProtocolViolationException"/>.
/// </summary>
internal static class MessagePackJsonTranscoder
{
    private const string Format = "MessagePack";

    /// <summary>Encodes one JSON value as MessagePack.</summary>
    /// <param name="json">The JSON text (UTF-8).</param>
    /// <param name="output">Where the MessagePack goes.</param>
    /// <exception cref="WampProtocolViolationException">The JSON is malformed or has no MessagePack form.</exception>
    public static void JsonToMessagePack(ReadOnlySpan<byte> json, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var sink = new MessagePackValueSink(output);
        JsonToBinaryWalker.Walk(json, ref sink, Format);
    }

    /// <summary>Decodes one MessagePack object into JSON.</summary>
    /// <param name="data">The MessagePack bytes: exactly one object.</param>
    /// <param name="json">Where the JSON text goes.</param>
    /// <exception cref="WampProtocolViolationException">The bytes are not one well-formed object of the WAMP data model.</exception>
    public static void MessagePackToJson(ReadOnlySpan<byte> data, IBufferWriter<byte> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (data.IsEmpty)
        {
            throw TranscodingLimits.Violation(Format, "the frame is empty");
        }

        Utf8JsonWriter writer = JsonValueEmitter.Rent(json);
        var scratch = new ScratchBuffer<byte>();
        try
        {
            int position = 0;
            ReadValue(data, ref position, writer, 0, ref scratch);
            if (position != data.Length)
            {
                throw TranscodingLimits.Violation(Format, $"{data.Length - position} trailing byte(s) after the message");
            }

            writer.Flush();
        }
        catch (Exception ex) when (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
        {
            throw TranscodingLimits.Violation(Format, $"cannot be written as JSON ({ex.Message})", ex);
        }
        finally
        {
            scratch.Dispose();
            JsonValueEmitter.Release(writer);
        }
    }

    /// <summary>Transcodes the one object that <paramref name="data"/> holds (one element of a message, read on its own) into JSON.</summary>
    /// <param name="data">The object's bytes.</param>
    /// <param name="json">Where the JSON goes.</param>
    /// <param name="depth">The number of containers around the object in its message (for the nesting limit).</param>
    /// <exception cref="WampProtocolViolationException">The object is outside the WAMP data model.</exception>
    internal static void TranscodeItem(ReadOnlySpan<byte> data, IBufferWriter<byte> json, int depth)
    {
        Utf8JsonWriter writer = JsonValueEmitter.Rent(json);
        var scratch = new ScratchBuffer<byte>();
        try
        {
            int position = 0;
            ReadValue(data, ref position, writer, depth, ref scratch);
            writer.Flush();
        }
        catch (Exception ex) when (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
        {
            throw TranscodingLimits.Violation(Format, $"cannot be written as JSON ({ex.Message})", ex);
        }
        finally
        {
            scratch.Dispose();
            JsonValueEmitter.Release(writer);
        }
    }

    // depth = the number of containers around this value; recursion is bounded by MaxDepth.
    private static void ReadValue(ReadOnlySpan<byte> data, ref int position, Utf8JsonWriter writer, int depth, ref ScratchBuffer<byte> scratch)
    {
        byte code = Take(data, ref position, 1)[0];
        switch (code)
        {
            case <= 0x7f: writer.WriteNumberValue((long)code); break;
            case >= 0xe0: writer.WriteNumberValue((long)unchecked((sbyte)code)); break;
            case <= 0x8f: ReadMap(data, ref position, writer, depth, code & 0x0f, ref scratch); break;
            case <= 0x9f: ReadArray(data, ref position, writer, depth, code & 0x0f, ref scratch); break;
            case <= 0xbf: WriteText(writer, Take(data, ref position, code & 0x1f), isKey: false); break;
            case 0xc0: writer.WriteNullValue(); break;
            case 0xc1: throw TranscodingLimits.Violation(Format, "the code 0xc1 is never used");
            case 0xc2: writer.WriteBooleanValue(false); break;
            case 0xc3: writer.WriteBooleanValue(true); break;
            case 0xc4 or 0xc5 or 0xc6:
                JsonValueEmitter.WriteBinary(writer, Take(data, ref position, ReadLength(data, ref position, code - 0xc4)), ref scratch);
                break;
            case 0xc7 or 0xc8 or 0xc9 or (>= 0xd4 and <= 0xd8):
                throw TranscodingLimits.Violation(Format, $"extension types (code 0x{code:x2}) are outside the WAMP data model");
            case 0xca: JsonValueEmitter.WriteDouble(writer, BinaryPrimitives.ReadSingleBigEndian(Take(data, ref position, 4)), Format); break;
            case 0xcb: JsonValueEmitter.WriteDouble(writer, BinaryPrimitives.ReadDoubleBigEndian(Take(data, ref position, 8)), Format); break;
            case 0xcc: writer.WriteNumberValue((long)Take(data, ref position, 1)[0]); break;
            case 0xcd: writer.WriteNumberValue((long)BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref position, 2))); break;
            case 0xce: writer.WriteNumberValue((long)BinaryPrimitives.ReadUInt32BigEndian(Take(data, ref position, 4))); break;
            case 0xcf:
                ulong unsigned = BinaryPrimitives.ReadUInt64BigEndian(Take(data, ref position, 8));
                if (unsigned <= long.MaxValue)
                {
                    writer.WriteNumberValue((long)unsigned);
                }
                else
                {
                    writer.WriteNumberValue(unsigned);
                }

                break;
            case 0xd0: writer.WriteNumberValue((long)unchecked((sbyte)Take(data, ref position, 1)[0])); break;
            case 0xd1: writer.WriteNumberValue((long)BinaryPrimitives.ReadInt16BigEndian(Take(data, ref position, 2))); break;
            case 0xd2: writer.WriteNumberValue((long)BinaryPrimitives.ReadInt32BigEndian(Take(data, ref position, 4))); break;
            case 0xd3: writer.WriteNumberValue(BinaryPrimitives.ReadInt64BigEndian(Take(data, ref position, 8))); break;
            case 0xd9 or 0xda or 0xdb:
                WriteText(writer, Take(data, ref position, ReadLength(data, ref position, code - 0xd9)), isKey: false);
                break;
            case 0xdc or 0xdd: ReadArray(data, ref position, writer, depth, ReadLength(data, ref position, code - 0xdc + 1), ref scratch); break;
            case 0xde or 0xdf: ReadMap(data, ref position, writer, depth, ReadLength(data, ref position, code - 0xde + 1), ref scratch); break;
        }
    }

    private static void ReadArray(ReadOnlySpan<byte> data, ref int position, Utf8JsonWriter writer, int depth, long count, ref ScratchBuffer<byte> scratch)
    {
        EnterContainer(depth, count, data.Length - position);
        writer.WriteStartArray();
        for (long i = 0; i < count; i++)
        {
            ReadValue(data, ref position, writer, depth + 1, ref scratch);
        }

        writer.WriteEndArray();
    }

    private static void ReadMap(ReadOnlySpan<byte> data, ref int position, Utf8JsonWriter writer, int depth, long count, ref ScratchBuffer<byte> scratch)
    {
        // Each entry takes at least two bytes (key and value).
        EnterContainer(depth, count * 2, data.Length - position);
        writer.WriteStartObject();
        for (long i = 0; i < count; i++)
        {
            byte code = Take(data, ref position, 1)[0];
            long length = code switch
            {
                >= 0xa0 and <= 0xbf => code & 0x1f,
                0xd9 or 0xda or 0xdb => ReadLength(data, ref position, code - 0xd9),
                _ => throw TranscodingLimits.Violation(Format, $"map keys must be strings, not code 0x{code:x2}"),
            };
            WriteText(writer, Take(data, ref position, length), isKey: true);
            ReadValue(data, ref position, writer, depth + 1, ref scratch);
        }

        writer.WriteEndObject();
    }

    // Rejects too-deep nesting, and counts that the remaining bytes cannot hold (so a forged count fails at once).
    private static void EnterContainer(int depth, long minimumBytes, int remaining)
    {
        if (depth >= TranscodingLimits.MaxDepth)
        {
            throw TranscodingLimits.Violation(Format, $"containers are nested deeper than {TranscodingLimits.MaxDepth} levels");
        }

        if (minimumBytes > remaining)
        {
            throw Truncated();
        }
    }

    private static void WriteText(Utf8JsonWriter writer, ReadOnlySpan<byte> utf8, bool isKey) =>
        JsonValueEmitter.WriteText(writer, utf8, isKey, Format);
}

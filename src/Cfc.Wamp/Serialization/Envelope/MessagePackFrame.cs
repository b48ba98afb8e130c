using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Cfc.Wamp.Serialization.Transcoding;
using static Cfc.Wamp.Serialization.Transcoding.MessagePackSpans;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// A MessagePack frame tokenized by hand: the message array's elements are read (ids, URIs) or skipped in place; only
/// dictionaries and payloads are transcoded to JSON, each on its own, which also validates them against the WAMP data
/// model (<see cref="MessagePackJsonTranscoder"/>).
/// </summary>
internal ref struct MessagePackFrame : IFrameFormat
{
    private const string Format = "MessagePack";

    private readonly ReadOnlySpan<byte> _frame;
    private FrameSlots _slots;
    private int _count;

    /// <summary>Tokenizes <paramref name="frame"/>.</summary>
    /// <param name="frame">The MessagePack bytes of one message.</param>
    /// <exception cref="WampProtocolViolationException">The frame is not well-formed MessagePack or not an array.</exception>
    public MessagePackFrame(ReadOnlySpan<byte> frame)
    {
        _frame = frame;
        if (frame.IsEmpty)
        {
            throw TranscodingLimits.Violation(Format, "the frame is empty");
        }

        Tokenize(frame);
    }

    /// <inheritdoc />
    public readonly int Count => _count;

    /// <inheritdoc />
    public readonly FrameSlot Slot(int index) => _slots[index];

    /// <inheritdoc />
    public readonly ReadOnlySpan<byte> Encoded(in FrameSlot slot) => _frame.Slice(slot.Start, slot.Length);

    /// <inheritdoc />
    public readonly string ReadString(in FrameSlot slot)
    {
        ReadOnlySpan<byte> data = _frame.Slice(slot.Start, slot.Length);
        int position = 0;
        byte code = Take(data, ref position, 1)[0];
        long length = code switch
        {
            >= 0xa0 and <= 0xbf => code & 0x1f,
            _ => ReadLength(data, ref position, code - 0xd9),
        };
        ReadOnlySpan<byte> utf8 = Take(data, ref position, length);
        return Utf8.IsValid(utf8) ? Encoding.UTF8.GetString(utf8) : throw TranscodingLimits.Violation(Format, "a text string is not valid UTF-8");
    }

    /// <inheritdoc />
    public readonly JsonElement ReadDict(in FrameSlot slot)
    {
        using var json = new PooledBufferWriter(256);
        AppendJson(slot, json);
        return WampJson.ParseElement(json.WrittenSpan);
    }

    /// <inheritdoc />
    public readonly void AppendJson(in FrameSlot slot, PooledBufferWriter output) =>
        MessagePackJsonTranscoder.TranscodeItem(_frame.Slice(slot.Start, slot.Length), output, depth: 1);

    /// <inheritdoc />
    public readonly string NumberText(in FrameSlot slot) => slot.Float.ToString("R", CultureInfo.InvariantCulture);

    private void Tokenize(ReadOnlySpan<byte> data)
    {
        int position = 0;
        byte top = data[0];
        long count = top switch
        {
            >= 0x90 and <= 0x9f => top & 0x0f,
            0xdc => ReadLength(data, ref position, 1, skipCode: true),
            0xdd => ReadLength(data, ref position, 2, skipCode: true),
            _ => throw EnvelopeDecoder.Violation($"a WAMP message is an array, not MessagePack code 0x{top:x2}"),
        };
        if (top is >= 0x90 and <= 0x9f)
        {
            position = 1;
        }

        int n = 0;
        for (long i = 0; i < count; i++)
        {
            var slot = new FrameSlot { Start = position };
            byte code = Take(data, ref position, 1)[0];
            switch (code)
            {
                case <= 0x7f: slot.Kind = SlotKind.Integer; slot.Integer = code; break;
                case >= 0xe0: slot.Kind = SlotKind.Integer; slot.Integer = unchecked((sbyte)code); break;
                case 0xcc: slot.Kind = SlotKind.Integer; slot.Integer = Take(data, ref position, 1)[0]; break;
                case 0xcd: slot.Kind = SlotKind.Integer; slot.Integer = BinaryPrimitives.ReadUInt16BigEndian(Take(data, ref position, 2)); break;
                case 0xce: slot.Kind = SlotKind.Integer; slot.Integer = BinaryPrimitives.ReadUInt32BigEndian(Take(data, ref position, 4)); break;
                case 0xcf:
                    ulong unsigned = BinaryPrimitives.ReadUInt64BigEndian(Take(data, ref position, 8));
                    slot.Kind = unsigned <= long.MaxValue ? SlotKind.Integer : SlotKind.Number;
                    slot.Integer = unchecked((long)unsigned);
                    slot.Float = unsigned;
                    break;
                case 0xd0: slot.Kind = SlotKind.Integer; slot.Integer = unchecked((sbyte)Take(data, ref position, 1)[0]); break;
                case 0xd1: slot.Kind = SlotKind.Integer; slot.Integer = BinaryPrimitives.ReadInt16BigEndian(Take(data, ref position, 2)); break;
                case 0xd2: slot.Kind = SlotKind.Integer; slot.Integer = BinaryPrimitives.ReadInt32BigEndian(Take(data, ref position, 4)); break;
                case 0xd3: slot.Kind = SlotKind.Integer; slot.Integer = BinaryPrimitives.ReadInt64BigEndian(Take(data, ref position, 8)); break;
                case 0xca: slot.Kind = SlotKind.Number; slot.Float = BinaryPrimitives.ReadSingleBigEndian(Take(data, ref position, 4)); break;
                case 0xcb: slot.Kind = SlotKind.Number; slot.Float = BinaryPrimitives.ReadDoubleBigEndian(Take(data, ref position, 8)); break;
                case 0xc0: slot.Kind = SlotKind.Null; break;
                case 0xc2 or 0xc3: slot.Kind = SlotKind.Boolean; break;
                case (>= 0xa0 and <= 0xbf) or 0xd9 or 0xda or 0xdb:
                    slot.Kind = SlotKind.String;
                    position = slot.Start;
                    Skip(data, ref position);
                    break;
                case 0xc4 or 0xc5 or 0xc6:
                    slot.Kind = SlotKind.Bytes;
                    position = slot.Start;
                    Skip(data, ref position);
                    break;
                case (>= 0x80 and <= 0x9f) or 0xdc or 0xdd or 0xde or 0xdf:
                    slot.Kind = code is (>= 0x90 and <= 0x9f) or 0xdc or 0xdd ? SlotKind.Array : SlotKind.Map;
                    slot.IsEmpty = code is 0x80 or 0x90;
                    position = slot.Start;
                    Skip(data, ref position);
                    break;
                case 0xc1: throw TranscodingLimits.Violation(Format, "the code 0xc1 is never used");
                default: throw TranscodingLimits.Violation(Format, $"extension types (code 0x{code:x2}) are outside the WAMP data model");
            }

            // A message must start with its integer code; refusing early keeps hostile frames from being walked.
            if (n == 0 && slot.Kind != SlotKind.Integer)
            {
                throw EnvelopeDecoder.Violation("the first element of a WAMP message is its integer code");
            }

            slot.Length = position - slot.Start;
            if (n < FrameSlots.MaxSlots)
            {
                _slots[n] = slot;
            }

            n++;
        }

        if (position != data.Length)
        {
            throw TranscodingLimits.Violation(Format, $"{data.Length - position} trailing byte(s) after the message");
        }

        _count = n;
    }

    // Skips one object without recursion: a count of objects still to skip grows by each container's entries. Whether
    // the content is in the WAMP data model is checked when the element is transcoded, not here.
    private static void Skip(ReadOnlySpan<byte> data, ref int position)
    {
        long pending = 1;
        while (pending > 0)
        {
            pending--;
            byte code = Take(data, ref position, 1)[0];
            long entries = 0;
            long bytes = 0;
            switch (code)
            {
                case <= 0x7f or >= 0xe0 or 0xc0 or 0xc1 or 0xc2 or 0xc3: break;
                case <= 0x8f: entries = 2L * (code & 0x0f); break;
                case <= 0x9f: entries = code & 0x0f; break;
                case <= 0xbf: bytes = code & 0x1f; break;
                case 0xc4 or 0xd9: bytes = ReadLength(data, ref position, 0); break;
                case 0xc5 or 0xda: bytes = ReadLength(data, ref position, 1); break;
                case 0xc6 or 0xdb: bytes = ReadLength(data, ref position, 2); break;
                case 0xc7: bytes = ReadLength(data, ref position, 0) + 1; break;
                case 0xc8: bytes = ReadLength(data, ref position, 1) + 1; break;
                case 0xc9: bytes = ReadLength(data, ref position, 2) + 1; break;
                case 0xca: bytes = 4; break;
                case 0xcb: bytes = 8; break;
                case 0xcc or 0xd0: bytes = 1; break;
                case 0xcd or 0xd1: bytes = 2; break;
                case 0xce or 0xd2: bytes = 4; break;
                case 0xcf or 0xd3: bytes = 8; break;
                case 0xd4: bytes = 2; break;
                case 0xd5: bytes = 3; break;
                case 0xd6: bytes = 5; break;
                case 0xd7: bytes = 9; break;
                case 0xd8: bytes = 17; break;
                case 0xdc: entries = ReadLength(data, ref position, 1); break;
                case 0xdd: entries = ReadLength(data, ref position, 2); break;
                case 0xde: entries = 2 * ReadLength(data, ref position, 1); break;
                case 0xdf: entries = 2 * ReadLength(data, ref position, 2); break;
            }

            Take(data, ref position, bytes);
            pending += entries;

            // Every object takes at least one byte, so a count the rest of the frame cannot hold is a forgery.
            if (pending > data.Length - position)
            {
                throw Truncated();
            }
        }
    }

    // A big-endian length of 1, 2 or 4 bytes, optionally after the code byte at the position (array16/array32 in the envelope).
    private static long ReadLength(ReadOnlySpan<byte> data, ref int position, int sizeLog2, bool skipCode = false)
    {
        if (skipCode)
        {
            position++;
        }

        return MessagePackSpans.ReadLength(data, ref position, sizeLog2);
    }
}

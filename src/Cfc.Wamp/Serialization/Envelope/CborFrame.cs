using System.Buffers;
using System.Formats.Cbor;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// A CBOR frame tokenized with <see cref="CborReader"/> (Lax mode, as <see cref="CborJsonTranscoder"/> reads): the
/// message array's elements are read or skipped in place, ids and URIs decoded directly; only dictionaries and payloads
/// are transcoded to JSON, each on its own, which also validates them against the WAMP data model. Dispose to return
/// the pooled copy of the frame (<see cref="CborReader"/> reads from memory, not spans).
/// </summary>
internal ref struct CborFrame : IFrameFormat
{
    private const string Format = "CBOR";

    private readonly byte[] _copy;
    private readonly int _length;
    private CborReader? _reader;
    private FrameSlots _slots;
    private int _count;

    /// <summary>Tokenizes <paramref name="frame"/>.</summary>
    /// <param name="frame">The CBOR bytes of one message.</param>
    /// <exception cref="WampProtocolViolationException">The frame is not well-formed CBOR or not an array.</exception>
    public CborFrame(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty)
        {
            throw TranscodingLimits.Violation(Format, "the frame is empty");
        }

        _length = frame.Length;
        _copy = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(_copy);
        _reader = CborJsonTranscoder.RentReader();
        try
        {
            _reader.Reset(_copy.AsMemory(0, _length));
            Tokenize(_reader);
        }
        catch (Exception ex)
        {
            Dispose();
            if (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
            {
                throw TranscodingLimits.Violation(Format, $"not well-formed CBOR ({ex.Message})", ex);
            }

            throw;
        }
    }

    /// <inheritdoc />
    public readonly int Count => _count;

    /// <inheritdoc />
    public readonly FrameSlot Slot(int index) => _slots[index];

    /// <inheritdoc />
    public readonly ReadOnlySpan<byte> Encoded(in FrameSlot slot) => _copy.AsSpan(slot.Start, slot.Length);

    /// <inheritdoc />
    public readonly string ReadString(in FrameSlot slot)
    {
        CborReader reader = At(slot);
        try
        {
            if (CborJsonTranscoder.SkipTags(reader) == CborReaderState.TextString)
            {
                ReadOnlySpan<byte> utf8 = reader.ReadDefiniteLengthTextStringBytes().Span;
                return Utf8.IsValid(utf8)
                    ? Encoding.UTF8.GetString(utf8)
                    : throw TranscodingLimits.Violation(Format, "a text string is not valid UTF-8");
            }

            // An indefinite-length string (rare): let the transcoder join its chunks.
            using var json = new PooledBufferWriter(256);
            AppendJson(slot, json);
            var jsonReader = new Utf8JsonReader(json.WrittenSpan);
            jsonReader.Read();
            return jsonReader.GetString()!;
        }
        catch (Exception ex) when (ex is not WampProtocolViolationException && TranscodingLimits.IsDecodingFailure(ex))
        {
            throw TranscodingLimits.Violation(Format, $"not well-formed CBOR ({ex.Message})", ex);
        }
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
        CborJsonTranscoder.TranscodeItem(At(slot), output, depth: 1);

    /// <inheritdoc />
    public readonly string NumberText(in FrameSlot slot) => slot.Float.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Returns the frame copy and the reader.</summary>
    public void Dispose()
    {
        if (_reader is { } reader)
        {
            _reader = null;
            CborJsonTranscoder.ReturnReader(reader);
            ArrayPool<byte>.Shared.Return(_copy);
        }
    }

    private readonly CborReader At(in FrameSlot slot)
    {
        CborReader reader = _reader!;
        reader.Reset(_copy.AsMemory(slot.Start, slot.Length));
        return reader;
    }

    private void Tokenize(CborReader reader)
    {
        CborReaderState top = CborJsonTranscoder.SkipTags(reader);
        if (top != CborReaderState.StartArray)
        {
            throw EnvelopeDecoder.Violation($"a WAMP message is an array, not {top}");
        }

        int? length = reader.ReadStartArray();
        int n = 0;
        while (length is { } l ? n < l : reader.PeekState() != CborReaderState.EndArray)
        {
            var slot = new FrameSlot { Start = _length - reader.BytesRemaining };
            CborReaderState state = CborJsonTranscoder.SkipTags(reader);
            int valueStart = _length - reader.BytesRemaining;
            switch (state)
            {
                case CborReaderState.UnsignedInteger:
                    ulong unsigned = reader.ReadUInt64();
                    slot.Kind = unsigned <= long.MaxValue ? SlotKind.Integer : SlotKind.Number;
                    slot.Integer = unchecked((long)unsigned);
                    slot.Float = unsigned;
                    break;
                case CborReaderState.NegativeInteger:
                    ulong magnitude = reader.ReadCborNegativeIntegerRepresentation();
                    slot.Kind = magnitude <= long.MaxValue ? SlotKind.Integer : SlotKind.Number;
                    slot.Integer = magnitude <= long.MaxValue ? -1L - (long)magnitude : 0;
                    slot.Float = -1d - magnitude;
                    break;
                case CborReaderState.HalfPrecisionFloat or CborReaderState.SinglePrecisionFloat or CborReaderState.DoublePrecisionFloat:
                    slot.Kind = SlotKind.Number;
                    slot.Float = reader.ReadDouble();
                    break;
                case CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString:
                    slot.Kind = SlotKind.String;
                    reader.SkipValue();
                    break;
                case CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString:
                    slot.Kind = SlotKind.Bytes;
                    reader.SkipValue();
                    break;
                case CborReaderState.StartArray or CborReaderState.StartMap:
                    slot.Kind = state == CborReaderState.StartArray ? SlotKind.Array : SlotKind.Map;
                    slot.IsEmpty = _copy[valueStart] is 0x80 or 0xa0;
                    reader.SkipValue();
                    break;
                case CborReaderState.Null:
                    slot.Kind = SlotKind.Null;
                    reader.ReadNull();
                    break;
                case CborReaderState.Boolean:
                    slot.Kind = SlotKind.Boolean;
                    reader.ReadBoolean();
                    break;
                case CborReaderState.SimpleValue:
                    CborSimpleValue simple = reader.ReadSimpleValue();
                    slot.Kind = simple == CborSimpleValue.Undefined
                        ? SlotKind.Null
                        : throw TranscodingLimits.Violation(Format, $"the simple value {(byte)simple} is outside the WAMP data model");
                    break;
                default:
                    throw TranscodingLimits.Violation(Format, $"unexpected {state}");
            }

            // A message must start with its integer code; refusing early keeps hostile frames from being walked.
            if (n == 0 && slot.Kind != SlotKind.Integer)
            {
                throw EnvelopeDecoder.Violation("the first element of a WAMP message is its integer code");
            }

            slot.Length = _length - reader.BytesRemaining - slot.Start;
            if (n < FrameSlots.MaxSlots)
            {
                _slots[n] = slot;
            }

            n++;
        }

        reader.ReadEndArray();
        if (reader.BytesRemaining != 0)
        {
            throw TranscodingLimits.Violation(Format, $"{reader.BytesRemaining} trailing byte(s) after the message");
        }

        _count = n;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Cfc.Wamp.Serialization.Transcoding;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// A JSON frame tokenized with <see cref="Utf8JsonReader"/>: one pass over the top-level elements (containers are
/// skipped, which validates their syntax and depth), no document built. Payload JSON is sliced out of the frame as is.
/// </summary>
internal ref struct JsonFrame : IFrameFormat
{
    private readonly ReadOnlySpan<byte> _frame;
    private FrameSlots _slots;
    private int _count;

    /// <summary>Tokenizes <paramref name="frame"/>.</summary>
    /// <param name="frame">The UTF-8 JSON text of one message.</param>
    /// <exception cref="WampProtocolViolationException">The frame is not valid JSON or not an array.</exception>
    public JsonFrame(ReadOnlySpan<byte> frame)
    {
        _frame = frame;

        // Utf8JsonReader does not validate the UTF-8 inside strings; an invalid sequence would only fail later, in
        // GetString, with an InvalidOperationException. One vectorized pass over the frame rules that out.
        if (!Utf8.IsValid(frame))
        {
            throw TransportErrors.Malformed("the JSON text is not valid UTF-8");
        }

        try
        {
            Tokenize(frame);
        }
        catch (JsonException ex)
        {
            throw TransportErrors.Malformed($"not valid JSON ({ex.Message})", ex);
        }
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
        var reader = new Utf8JsonReader(_frame.Slice(slot.Start, slot.Length));
        reader.Read();
        return reader.GetString()!;
    }

    /// <inheritdoc />
    public readonly JsonElement ReadDict(in FrameSlot slot) => WampJson.ParseElement(_frame.Slice(slot.Start, slot.Length));

    /// <inheritdoc />
    public readonly void AppendJson(in FrameSlot slot, PooledBufferWriter output)
    {
        ReadOnlySpan<byte> json = _frame.Slice(slot.Start, slot.Length);
        json.CopyTo(output.GetSpan(json.Length));
        output.Advance(json.Length);
    }

    /// <inheritdoc />
    public readonly string NumberText(in FrameSlot slot) => Encoding.UTF8.GetString(_frame.Slice(slot.Start, slot.Length));

    private void Tokenize(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = TranscodingLimits.MaxDepth });
        if (!reader.Read())
        {
            throw TransportErrors.Malformed("the frame is empty");
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw EnvelopeDecoder.Violation($"a WAMP message is an array, not {reader.TokenType}");
        }

        int n = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var slot = new FrameSlot { Start = (int)reader.TokenStartIndex };
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    slot.Kind = reader.TryGetInt64(out slot.Integer) ? SlotKind.Integer : SlotKind.Number;
                    break;
                case JsonTokenType.String: slot.Kind = SlotKind.String; break;
                case JsonTokenType.True or JsonTokenType.False: slot.Kind = SlotKind.Boolean; break;
                case JsonTokenType.Null: slot.Kind = SlotKind.Null; break;
                case JsonTokenType.StartArray or JsonTokenType.StartObject:
                    slot.Kind = reader.TokenType == JsonTokenType.StartArray ? SlotKind.Array : SlotKind.Map;
                    Utf8JsonReader probe = reader;
                    probe.Read();
                    slot.IsEmpty = probe.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject;
                    reader.Skip();
                    break;
            }

            // A message must start with its integer code; refusing early keeps hostile frames from being walked.
            if (n == 0 && slot.Kind != SlotKind.Integer)
            {
                throw EnvelopeDecoder.Violation("the first element of a WAMP message is its integer code");
            }

            slot.Length = (int)reader.BytesConsumed - slot.Start;
            if (n < FrameSlots.MaxSlots)
            {
                _slots[n] = slot;
            }

            n++;
        }

        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw TransportErrors.Malformed("the frame ends inside the message array");
        }

        if (HasTrailingContent(frame[(int)reader.BytesConsumed..]))
        {
            throw TransportErrors.Malformed("trailing data after the JSON value");
        }

        _count = n;
    }

    private static bool HasTrailingContent(ReadOnlySpan<byte> rest)
    {
        foreach (byte b in rest)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return true;
            }
        }

        return false;
    }
}

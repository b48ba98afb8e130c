using System.Runtime.CompilerServices;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>What kind of value one element of a message array is, in terms every wire format shares.</summary>
internal enum SlotKind : byte
{
    /// <summary>An integer that fits 64 signed bits (<see cref="FrameSlot.Integer"/> holds it).</summary>
    Integer,

    /// <summary>Any other number: a float, or an integer beyond 64 signed bits.</summary>
    Number,

    /// <summary>A text string.</summary>
    String,

    /// <summary>A byte string (CBOR, MessagePack).</summary>
    Bytes,

    /// <summary>An array (a list).</summary>
    Array,

    /// <summary>A map (a dictionary).</summary>
    Map,

    /// <summary>A null.</summary>
    Null,

    /// <summary>A boolean.</summary>
    Boolean,
}

/// <summary>
/// One top-level element of a message as the format's tokenizer found it: its kind, its integer value, and where its
/// encoded bytes are, so that the shared shape rules (<see cref="EnvelopeDecoder"/>) can decide what to decode.
/// </summary>
internal struct FrameSlot
{
    /// <summary>The kind of value.</summary>
    public SlotKind Kind;

    /// <summary>For arrays and maps: whether they have no entries.</summary>
    public bool IsEmpty;

    /// <summary>For <see cref="SlotKind.Integer"/>: the value.</summary>
    public long Integer;

    /// <summary>For <see cref="SlotKind.Number"/> in the binary formats: the value, for error messages.</summary>
    public double Float;

    /// <summary>Where the encoded value starts in the frame.</summary>
    public int Start;

    /// <summary>How many bytes the encoded value takes.</summary>
    public int Length;
}

/// <summary>The first elements of a message (no WAMP message has more than seven).</summary>
[InlineArray(MaxSlots)]
internal struct FrameSlots
{
    /// <summary>How many elements are kept; a message with more is rejected by its shape rule anyway.</summary>
    public const int MaxSlots = 8;

    private FrameSlot _first;
}

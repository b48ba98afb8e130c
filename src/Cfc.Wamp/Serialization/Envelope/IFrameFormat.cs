using System.Text.Json;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// One wire format's view of a tokenized frame (<see cref="JsonFrame"/>, <see cref="CborFrame"/>,
/// <see cref="MessagePackFrame"/>): the top-level elements as <see cref="FrameSlot"/>s, and how to turn a slot into
/// a string, a dictionary or payload JSON. The shape rules in <see cref="EnvelopeDecoder"/> are written once against it.
/// </summary>
internal interface IFrameFormat
{
    /// <summary>The number of elements in the message array.</summary>
    int Count { get; }

    /// <summary>The element at <paramref name="index"/> (below <see cref="FrameSlots.MaxSlots"/>).</summary>
    /// <param name="index">The position.</param>
    /// <returns>The slot.</returns>
    FrameSlot Slot(int index);

    /// <summary>The encoded bytes of a slot (the key of <see cref="RecentValues{T}"/>).</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The bytes, valid while the frame is.</returns>
    ReadOnlySpan<byte> Encoded(in FrameSlot slot);

    /// <summary>Decodes a <see cref="SlotKind.String"/> slot.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The string.</returns>
    string ReadString(in FrameSlot slot);

    /// <summary>Decodes a non-empty <see cref="SlotKind.Map"/> slot into a JSON object.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The object.</returns>
    JsonElement ReadDict(in FrameSlot slot);

    /// <summary>Appends the JSON of an <see cref="SlotKind.Array"/> or <see cref="SlotKind.Map"/> slot (validated) to <paramref name="output"/>.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="output">Where the JSON goes.</param>
    void AppendJson(in FrameSlot slot, PooledBufferWriter output);

    /// <summary>The text of a <see cref="SlotKind.Number"/> slot, for an error message.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns>The number as text.</returns>
    string NumberText(in FrameSlot slot);
}

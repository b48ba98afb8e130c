namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>
/// Receives the values of a JSON document in order, with container sizes known up front, so that a binary
/// encoder can write definite-length headers. Implemented by structs so that <see cref="JsonToBinaryWalker"/>
/// is specialised per encoder (no interface dispatch, no boxing).
/// </summary>
internal interface IBinaryValueSink
{
    /// <summary>An array of <paramref name="count"/> elements starts.</summary>
    /// <param name="count">The number of elements.</param>
    void StartArray(int count);

    /// <summary>The current array ends.</summary>
    void EndArray();

    /// <summary>A map of <paramref name="count"/> entries starts.</summary>
    /// <param name="count">The number of key/value pairs.</param>
    void StartMap(int count);

    /// <summary>The current map ends.</summary>
    void EndMap();

    /// <summary>A text string (also used for map keys).</summary>
    /// <param name="utf8">The string's validated UTF-8 bytes.</param>
    void Text(ReadOnlySpan<byte> utf8);

    /// <summary>A byte string (a JSON string in the WAMP binary form).</summary>
    /// <param name="value">The bytes.</param>
    void Bytes(ReadOnlySpan<byte> value);

    /// <summary>A signed integer.</summary>
    /// <param name="value">The value.</param>
    void Int64(long value);

    /// <summary>An unsigned integer above <see cref="long.MaxValue"/>.</summary>
    /// <param name="value">The value.</param>
    void UInt64(ulong value);

    /// <summary>A floating point number.</summary>
    /// <param name="value">The value (finite).</param>
    void Double(double value);

    /// <summary>A boolean.</summary>
    /// <param name="value">The value.</param>
    void Boolean(bool value);

    /// <summary>A null.</summary>
    void Null();
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cfc.Wamp;

/// <summary>
/// A payload kept as the UTF-8 JSON it was written or received as: positional arguments (an array) followed by keyword
/// arguments (an object) in one exact-size array. This is what <see cref="WampPayloadBuilder"/> produces and what the
/// serializers read a payload into, so a payload is written once and sent as bytes, and a received one is decoded into
/// the caller's type straight from those bytes. <see cref="System.Text.Json.JsonElement"/>s (a <see cref="JsonDocument"/>
/// each) are only made if someone asks for <see cref="WampPayload.Arguments"/> or <see cref="WampPayload.ArgumentsKeywords"/>.
/// </summary>
/// <remarks>
/// The bytes are valid JSON by construction (written by <see cref="Utf8JsonWriter"/> from typed values, or read through
/// a validating reader or transcoder), so writing them into a frame needs no validation. Instances are immutable
/// apart from the lazily made elements and count, which are idempotent caches (kept small: one call's payload is
/// this object and its array).
/// </remarks>
internal sealed class EncodedPayload
{
    private readonly byte[] _json;
    private readonly int _argsLength;
    private readonly int _kwargsLength;
    private int _count;
    private ElementPayload? _elements;

    /// <summary>Wraps <paramref name="json"/>: the arguments array in its first <paramref name="argsLength"/> bytes, then the keywords object.</summary>
    /// <param name="json">The bytes (owned by the payload from now on).</param>
    /// <param name="argsLength">The length of the arguments array, 0 when absent.</param>
    /// <param name="kwargsLength">The length of the keyword object, 0 when absent.</param>
    /// <param name="count">The number of positional arguments, or -1 when not known yet.</param>
    /// <param name="hasKeywords">Whether the keyword object has at least one entry.</param>
    public EncodedPayload(byte[] json, int argsLength, int kwargsLength, int count, bool hasKeywords)
    {
        _json = json;
        _argsLength = argsLength;
        _kwargsLength = kwargsLength;
        _count = argsLength == 0 ? 0 : count;
        HasKeywords = hasKeywords;
    }

    /// <summary>Copies the parts into one new array. Either part may be empty (absent).</summary>
    /// <param name="args">The arguments array's JSON, or empty.</param>
    /// <param name="kwargs">The keyword object's JSON, or empty.</param>
    /// <param name="count">The number of positional arguments, or -1 when not known.</param>
    /// <param name="hasKeywords">Whether the keyword object has at least one entry.</param>
    /// <returns>The payload.</returns>
    public static EncodedPayload Copy(ReadOnlySpan<byte> args, ReadOnlySpan<byte> kwargs, int count, bool hasKeywords)
    {
        byte[] json = GC.AllocateUninitializedArray<byte>(args.Length + kwargs.Length);
        args.CopyTo(json);
        kwargs.CopyTo(json.AsSpan(args.Length));
        return new EncodedPayload(json, args.Length, kwargs.Length, count, hasKeywords);
    }

    /// <summary>The arguments array's JSON, empty when absent.</summary>
    public ReadOnlySpan<byte> ArgsJson => _json.AsSpan(0, _argsLength);

    /// <summary>The keyword object's JSON, empty when absent.</summary>
    public ReadOnlySpan<byte> KwargsJson => _json.AsSpan(_argsLength, _kwargsLength);

    /// <summary>Whether the keyword object is present and has at least one entry.</summary>
    public bool HasKeywords { get; }

    /// <summary>Whether there is at least one positional argument (known without counting them).</summary>
    public bool HasArguments => _count != 0;

    /// <summary>The number of positional arguments (counted once, on first use, when the reader did not count them).</summary>
    public int Count
    {
        get
        {
            if (_count < 0)
            {
                _count = CountElements(ArgsJson);
            }

            return _count;
        }
    }

    /// <summary>The arguments as an element (parsed on first use).</summary>
    public JsonElement? Arguments => Elements.Arguments;

    /// <summary>The keyword arguments as an element (parsed on first use).</summary>
    public JsonElement? ArgumentsKeywords => Elements.ArgumentsKeywords;

    /// <summary>The size of the JSON held (arguments and keywords).</summary>
    public int JsonSize => _json.Length;

    /// <summary>Deserializes the positional argument at <paramref name="index"/> straight from the JSON.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="index">The zero-based position.</param>
    /// <param name="typeInfo">Source-generated metadata.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">There is no argument at that position.</exception>
    public T? DeserializeArgument<T>(int index, JsonTypeInfo<T> typeInfo)
    {
        if (index < 0 || _argsLength == 0)
        {
            throw OutOfRange(index);
        }

        var reader = new Utf8JsonReader(ArgsJson);
        reader.Read(); // [
        for (int i = 0; ; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw OutOfRange(index);
            }

            if (i == index)
            {
                return JsonSerializer.Deserialize(ref reader, typeInfo);
            }

            reader.Skip();
        }
    }

    private ArgumentOutOfRangeException OutOfRange(int index) =>
        new(nameof(index), index, $"The payload has {Count} positional argument(s).");

    // Parsed on first use; two threads may both parse, and either equal result may win.
    private ElementPayload Elements => _elements ??= new ElementPayload(
        _argsLength > 0 ? WampJson.ParseElement(ArgsJson) : null,
        _kwargsLength > 0 ? WampJson.ParseElement(KwargsJson) : null);

    private static int CountElements(ReadOnlySpan<byte> array)
    {
        if (array.IsEmpty)
        {
            return 0;
        }

        var reader = new Utf8JsonReader(array);
        reader.Read(); // [
        int n = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
            n++;
        }

        return n;
    }
}

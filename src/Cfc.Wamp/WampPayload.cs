using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cfc.Wamp;

/// <summary>
/// The application payload of a WAMP message: positional arguments (a JSON array) and keyword arguments
/// (a JSON object), either of which may be absent. Binary values travel as strings that start with U+0000
/// followed by base64 (the WAMP JSON convention); the CBOR and MessagePack serializers map them to byte strings.
/// </summary>
public readonly struct WampPayload : IEquatable<WampPayload>
{
    /// <summary>Creates a payload, checking that <paramref name="arguments"/> is an array and <paramref name="argumentsKeywords"/> an object.</summary>
    /// <param name="arguments">The positional arguments (a JSON array), or <see langword="null"/>.</param>
    /// <param name="argumentsKeywords">The keyword arguments (a JSON object), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An argument has the wrong JSON kind.</exception>
    public WampPayload(JsonElement? arguments, JsonElement? argumentsKeywords)
    {
        if (arguments is { } a && a.ValueKind != JsonValueKind.Array)
        {
            throw new ArgumentException($"WAMP positional arguments must be a JSON array, not {a.ValueKind}.", nameof(arguments));
        }

        if (argumentsKeywords is { } k && k.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"WAMP keyword arguments must be a JSON object, not {k.ValueKind}.", nameof(argumentsKeywords));
        }

        _data = arguments is null && argumentsKeywords is null ? null : new ElementPayload(arguments, argumentsKeywords);
    }

    // A payload held as JSON bytes (built or received); the elements are then made only when asked for.
    internal WampPayload(EncodedPayload encoded) => _data = encoded;

    // One reference keeps the struct small inside every message record: null (empty), an EncodedPayload (JSON bytes,
    // the usual case) or an ElementPayload (made from JsonElements by the public constructor).
    private readonly object? _data;

    private JsonElement? ElementArguments => (_data as ElementPayload)?.Arguments;

    private JsonElement? ElementKeywords => (_data as ElementPayload)?.ArgumentsKeywords;

    /// <summary>The JSON bytes behind this payload, when it was built or received as bytes.</summary>
    internal EncodedPayload? Encoded => _data as EncodedPayload;

    /// <summary>Whether there is at least one positional argument.</summary>
    internal bool HasArguments => _data is EncodedPayload e ? e.HasArguments : Count > 0;

    /// <summary>Whether keyword arguments are present and not empty.</summary>
    internal bool HasKeywords => _data is EncodedPayload e ? e.HasKeywords : ElementKeywords is { } k && k.EnumerateObject().Any();

    /// <summary>A payload with neither positional nor keyword arguments.</summary>
    public static WampPayload Empty => default;

    /// <summary>The positional arguments (a JSON array), or <see langword="null"/> when absent.</summary>
    public JsonElement? Arguments => _data is EncodedPayload e ? e.Arguments : ElementArguments;

    /// <summary>The keyword arguments (a JSON object), or <see langword="null"/> when absent.</summary>
    public JsonElement? ArgumentsKeywords => _data is EncodedPayload e ? e.ArgumentsKeywords : ElementKeywords;

    /// <summary>The number of positional arguments.</summary>
    public int Count => _data is EncodedPayload e ? e.Count : ElementArguments is { } a ? a.GetArrayLength() : 0;

    /// <summary><see langword="true"/> when there are neither positional nor non-empty keyword arguments.</summary>
    public bool IsEmpty => Count == 0 && !HasKeywords;

    /// <summary>The positional argument at <paramref name="index"/>.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="ArgumentOutOfRangeException">There is no argument at that position.</exception>
    public JsonElement this[int index]
    {
        get
        {
            if (Arguments is not { } a || (uint)index >= (uint)a.GetArrayLength())
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The payload has {Count} positional argument(s).");
            }

            return a[index];
        }
    }

    /// <summary>Looks up a keyword argument.</summary>
    /// <param name="name">The keyword.</param>
    /// <param name="value">The value, when found.</param>
    /// <returns><see langword="true"/> when the keyword is present.</returns>
    public bool TryGetKeyword(string name, out JsonElement value)
    {
        if (ArgumentsKeywords is { } k && k.TryGetProperty(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Creates a payload of positional arguments.</summary>
    /// <param name="arguments">The positional arguments.</param>
    /// <returns>The payload.</returns>
    public static WampPayload FromArguments(params ReadOnlySpan<JsonElement> arguments)
    {
        var builder = new WampPayloadBuilder();
        foreach (JsonElement argument in arguments)
        {
            builder.Add(argument);
        }

        return builder.Build();
    }

    /// <summary>Creates a payload with one positional argument serialized with source-generated metadata.</summary>
    /// <typeparam name="T">The argument's type.</typeparam>
    /// <param name="value">The argument.</param>
    /// <param name="typeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>The payload.</returns>
    public static WampPayload FromArgument<T>(T value, JsonTypeInfo<T> typeInfo) => new WampPayloadBuilder().Add(value, typeInfo).Build();

    /// <summary>Deserializes the positional argument at <paramref name="index"/> with source-generated metadata.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="index">The zero-based position.</param>
    /// <param name="typeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <returns>The value.</returns>
    public T? GetArgument<T>(int index, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _data is EncodedPayload e ? e.DeserializeArgument(index, typeInfo) : this[index].Deserialize(typeInfo);
    }

    /// <inheritdoc />
    public bool Equals(WampPayload other) =>
        WampJson.DeepEquals(Arguments, other.Arguments) && WampJson.DeepEquals(ArgumentsKeywords, other.ArgumentsKeywords);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is WampPayload other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Count;

    /// <summary>Compares two payloads by value.</summary>
    /// <param name="left">The first payload.</param>
    /// <param name="right">The second payload.</param>
    /// <returns><see langword="true"/> when they hold equal JSON.</returns>
    public static bool operator ==(WampPayload left, WampPayload right) => left.Equals(right);

    /// <summary>Compares two payloads by value.</summary>
    /// <param name="left">The first payload.</param>
    /// <param name="right">The second payload.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(WampPayload left, WampPayload right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => _data is EncodedPayload e
        ? $"args={(e.ArgsJson.IsEmpty ? "-" : System.Text.Encoding.UTF8.GetString(e.ArgsJson))} kwargs={(e.KwargsJson.IsEmpty ? "-" : System.Text.Encoding.UTF8.GetString(e.KwargsJson))}"
        : $"args={(Arguments is { } a ? a.GetRawText() : "-")} kwargs={(ArgumentsKeywords is { } k ? k.GetRawText() : "-")}";
}

/// <summary>The payload of <see cref="WampPayload(JsonElement?, JsonElement?)"/>: elements the caller already had.</summary>
/// <param name="Arguments">The positional arguments.</param>
/// <param name="ArgumentsKeywords">The keyword arguments.</param>
internal sealed record ElementPayload(JsonElement? Arguments, JsonElement? ArgumentsKeywords);

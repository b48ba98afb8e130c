using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Cfc.Wamp;

/// <summary>JSON helpers shared by the core: writer settings, the WAMP binary string form, dictionaries.</summary>
public static class WampJson
{
    /// <summary>Writer options: compact, and without escaping '+', '&lt;' and non-ASCII (smaller frames, still valid JSON).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
    };

    /// <summary>An empty JSON object, for messages whose options or details are empty.</summary>
    public static JsonElement EmptyObject { get; } = ParseElement("{}"u8);

    /// <summary>An empty JSON array.</summary>
    public static JsonElement EmptyArray { get; } = ParseElement("[]"u8);

    /// <summary>Parses UTF-8 JSON into an element that owns a copy of its data (no pooled memory to return).</summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <returns>The root element.</returns>
    public static JsonElement ParseElement(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Builds a JSON object with a writer callback.</summary>
    /// <param name="write">Writes the object's properties (the braces are written for you).</param>
    /// <returns>The object.</returns>
    public static JsonElement BuildObject(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return ParseElement(buffer.WrittenSpan);
    }

    /// <summary>Encodes bytes in the WAMP JSON binary form: U+0000 followed by padded base64.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The string form.</returns>
    public static string EncodeBinary(ReadOnlySpan<byte> value) => "\0" + Convert.ToBase64String(value);

    /// <summary>Whether a string is in the WAMP JSON binary form (starts with U+0000).</summary>
    /// <param name="value">The string.</param>
    /// <returns><see langword="true"/> when it is binary.</returns>
    public static bool IsBinary(string? value) => value is { Length: > 0 } && value[0] == '\0';

    /// <summary>Decodes the WAMP JSON binary form.</summary>
    /// <param name="value">A string that starts with U+0000.</param>
    /// <returns>The bytes.</returns>
    /// <exception cref="FormatException">The string is not in the binary form.</exception>
    public static byte[] DecodeBinary(string value)
    {
        if (!IsBinary(value))
        {
            throw new FormatException("A WAMP binary string starts with U+0000.");
        }

        return Convert.FromBase64String(value.AsSpan(1).ToString());
    }

    /// <summary>Compares two optional JSON values structurally (object key order does not matter).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are absent or both are deeply equal.</returns>
    public static bool DeepEquals(JsonElement? left, JsonElement? right) =>
        left is null ? right is null : right is not null && JsonElement.DeepEquals(left.Value, right.Value);
}

using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cfc.Wamp;

namespace Cfc.Client.Api;

/// <summary>
/// Turns caller-supplied configuration dictionaries (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>) into JSON without
/// reflection: strings, numbers, booleans, null, <see cref="JsonElement"/>, <see cref="JsonNode"/>, nested dictionaries and sequences.
/// Anything else is refused with an <see cref="ArgumentException"/> before the call goes out.
/// </summary>
internal static class CfcJsonArgs
{
    private const int MaxDepth = 64;

    /// <summary>Converts a required value.</summary>
    /// <param name="value">The value (a dictionary, list, ...).</param>
    /// <param name="paramName">The parameter's name, for errors.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement ToElement(object value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return Convert(value, paramName);
    }

    /// <summary>Converts an optional value; <see langword="null"/> becomes JSON null.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    /// <param name="paramName">The parameter's name, for errors.</param>
    /// <returns>The JSON value.</returns>
    public static JsonElement ToElementOrNull(object? value, string paramName) => Convert(value, paramName);

    private static JsonElement Convert(object? value, string paramName)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WampJson.WriterOptions))
        {
            Write(writer, value, paramName, paramName, 0);
        }

        return WampJson.ParseElement(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter w, object? value, string paramName, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ArgumentException($"{path} nests deeper than {MaxDepth} levels (a cycle?).", paramName);
        }

        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case short sh: w.WriteNumberValue(sh); break;
            case byte by: w.WriteNumberValue(by); break;
            case uint ui: w.WriteNumberValue(ui); break;
            case ulong ul: w.WriteNumberValue(ul); break;
            case double d: WriteFinite(w, d, paramName, path); break;
            case float f: WriteFinite(w, f, paramName, path); break;
            case decimal m: w.WriteNumberValue(m); break;
            case JsonElement e: e.WriteTo(w); break;
            case JsonDocument doc: doc.RootElement.WriteTo(w); break;
            case JsonNode node: node.WriteTo(w); break;   // before IEnumerable: a JsonObject is a sequence of pairs
            case DateTimeOffset dto: w.WriteStringValue(dto.ToString("O", CultureInfo.InvariantCulture)); break;
            case DateTime dt: w.WriteStringValue(dt.ToString("O", CultureInfo.InvariantCulture)); break;
            case Guid g: w.WriteStringValue(g.ToString("D")); break;
            case Uri u: w.WriteStringValue(u.ToString()); break;
            case Enum en: w.WriteStringValue(en.ToString()); break;
            case IEnumerable<KeyValuePair<string, object?>> map: WriteObject(w, map, paramName, path, depth); break;
            case IDictionary dict: WriteDictionary(w, dict, paramName, path, depth); break;
            case IEnumerable seq: WriteArray(w, seq, paramName, path, depth); break;
            default:
                throw new ArgumentException(
                    $"{path} is {Describe(value.GetType())}, which cannot be sent as JSON; use strings, numbers, booleans, JsonElement, " +
                    "JsonNode, dictionaries with string keys or lists, or turn a typed object into a config with CfcConfig.From(value, jsonTypeInfo).",
                    paramName);
        }
    }

    /// <summary>A type in words for messages: "a key-value pair (KeyValuePair&lt;string, int&gt;)", "an object of type Point".</summary>
    internal static string Describe(Type type)
    {
        string name = CSharpName(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            return $"a key-value pair ({name}); a sequence of pairs is not a JSON object unless it is a dictionary";
        }

        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return $"a delegate ({name})";
        }

        if (type.IsValueType)
        {
            return $"a value of type {name}";
        }

        return $"an object of type {name}";
    }

    private static string CSharpName(Type type)
    {
        if (type == typeof(string)) { return "string"; }
        if (type == typeof(int)) { return "int"; }
        if (type == typeof(long)) { return "long"; }
        if (type == typeof(object)) { return "object"; }
        if (type == typeof(bool)) { return "bool"; }
        if (type == typeof(double)) { return "double"; }
        if (type.IsArray) { return CSharpName(type.GetElementType()!) + "[]"; }
        if (Nullable.GetUnderlyingType(type) is { } underlying) { return CSharpName(underlying) + "?"; }
        if (!type.IsGenericType) { return type.Name; }

        string bare = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return bare + "<" + string.Join(", ", type.GetGenericArguments().Select(CSharpName)) + ">";
    }

    private static void WriteFinite(Utf8JsonWriter w, double d, string paramName, string path)
    {
        if (!double.IsFinite(d))
        {
            throw new ArgumentException($"{path} is {d}, which JSON cannot carry.", paramName);
        }

        w.WriteNumberValue(d);
    }

    private static void WriteObject(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, object?>> map, string paramName, string path, int depth)
    {
        w.WriteStartObject();
        foreach (KeyValuePair<string, object?> pair in map)
        {
            if (pair.Key is null)
            {
                throw new ArgumentException($"{path} has a null key.", paramName);
            }

            w.WritePropertyName(pair.Key);
            Write(w, pair.Value, paramName, path + "." + pair.Key, depth + 1);
        }

        w.WriteEndObject();
    }

    private static void WriteDictionary(Utf8JsonWriter w, IDictionary dict, string paramName, string path, int depth)
    {
        w.WriteStartObject();
        foreach (DictionaryEntry entry in dict)
        {
            if (entry.Key is not string key)
            {
                throw new ArgumentException($"{path} has a key of type {entry.Key.GetType().Name}; JSON object keys must be strings.", paramName);
            }

            w.WritePropertyName(key);
            Write(w, entry.Value, paramName, path + "." + key, depth + 1);
        }

        w.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter w, IEnumerable seq, string paramName, string path, int depth)
    {
        w.WriteStartArray();
        int index = 0;
        foreach (object? item in seq)
        {
            Write(w, item, paramName, $"{path}[{index++}]", depth + 1);
        }

        w.WriteEndArray();
    }
}

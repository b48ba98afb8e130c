using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>Small writers for the payloads the fake returns and publishes (snake_case fields, ISO 8601 UTC times).</summary>
internal static class FakeJson
{
    public static string Iso(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonElement Object(Action<Utf8JsonWriter> write) => WampJson.BuildObject(write);

    /// <summary>A result of one dictionary.</summary>
    public static WampPayload Result(Action<Utf8JsonWriter> write) => WampPayload.FromArguments(Object(write));

    /// <summary>A result of one value that is already JSON.</summary>
    public static WampPayload Result(JsonElement value) => WampPayload.FromArguments(value);

    /// <summary>A result of one list of strings (ids, names).</summary>
    public static WampPayload Result(IEnumerable<string> items) => WampPayload.FromArguments(StringArray(items));

    public static WampPayload Result(long value) => new WampPayloadBuilder().Add(value).Build();

    public static WampPayload Null() => new WampPayloadBuilder().AddNull().Build();

    public static JsonElement StringArray(IEnumerable<string> items) => Array(w =>
    {
        foreach (string item in items)
        {
            w.WriteStringValue(item);
        }
    });

    public static JsonElement LongArray(IEnumerable<long> items) => Array(w =>
    {
        foreach (long item in items)
        {
            w.WriteNumberValue(item);
        }
    });

    public static JsonElement Array(Action<Utf8JsonWriter> writeItems)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var w = new Utf8JsonWriter(buffer, WampJson.WriterOptions))
        {
            w.WriteStartArray();
            writeItems(w);
            w.WriteEndArray();
        }

        return WampJson.ParseElement(buffer.WrittenSpan);
    }

    public static void Write(this Utf8JsonWriter w, string name, JsonElement? value)
    {
        w.WritePropertyName(name);
        if (value is { } v)
        {
            v.WriteTo(w);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    public static void WriteTime(this Utf8JsonWriter w, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            w.WriteString(name, Iso(t));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>A time as the master's database stores it (cfxdb): microseconds since the Unix epoch.</summary>
    public static void WriteMicros(this Utf8JsonWriter w, string name, DateTimeOffset time) =>
        w.WriteNumber(name, (time - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond);

    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (string item in items)
        {
            w.WriteStringValue(item);
        }

        w.WriteEndArray();
    }

    /// <summary>Reads a string field of a config dictionary.</summary>
    public static string? GetString(JsonElement? obj, string name) =>
        obj is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

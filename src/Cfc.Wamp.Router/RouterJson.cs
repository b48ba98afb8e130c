using System.Text.Json;

namespace Cfc.Wamp.Router;

/// <summary>Tolerant readers for option and detail dictionaries: a missing key or a value of the wrong kind reads as absent.</summary>
internal static class RouterJson
{
    public static bool GetBool(JsonElement dict, string name, bool fallback = false) =>
        dict.ValueKind == JsonValueKind.Object && dict.TryGetProperty(name, out JsonElement v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean()
            : fallback;

    public static string? GetString(JsonElement dict, string name) =>
        dict.ValueKind == JsonValueKind.Object && dict.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static long? GetLong(JsonElement dict, string name) =>
        dict.ValueKind == JsonValueKind.Object && dict.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : null;

    public static bool TryGetObject(JsonElement dict, string name, out JsonElement value)
    {
        if (dict.ValueKind == JsonValueKind.Object && dict.TryGetProperty(name, out value) && value.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Reads a list of ids, or <see langword="null"/> when the key is absent.</summary>
    public static HashSet<long>? GetLongSet(JsonElement dict, string name)
    {
        if (dict.ValueKind != JsonValueKind.Object || !dict.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var set = new HashSet<long>();
        foreach (JsonElement e in v.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long n))
            {
                set.Add(n);
            }
        }

        return set;
    }

    /// <summary>Reads a list of strings, or <see langword="null"/> when the key is absent.</summary>
    public static HashSet<string>? GetStringSet(JsonElement dict, string name)
    {
        if (dict.ValueKind != JsonValueKind.Object || !dict.TryGetProperty(name, out JsonElement v) || v.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement e in v.EnumerateArray())
        {
            if (e.ValueKind == JsonValueKind.String)
            {
                set.Add(e.GetString()!);
            }
        }

        return set;
    }

    /// <summary>Writes an optional string, or JSON null.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}

/// <summary>Builds router-made payloads and dictionaries.</summary>
internal static class RouterPayload
{
    /// <summary>A payload of positional arguments written by a callback (the list brackets are written for you).</summary>
    public static Cfc.Wamp.WampPayload Args(Action<Utf8JsonWriter> writeItems)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, Cfc.Wamp.WampJson.WriterOptions))
        {
            writer.WriteStartArray();
            writeItems(writer);
            writer.WriteEndArray();
        }

        return new Cfc.Wamp.WampPayload(Cfc.Wamp.WampJson.ParseElement(buffer.WrittenSpan), null);
    }

    /// <summary>A payload with one message string, the way routers explain errors.</summary>
    public static Cfc.Wamp.WampPayload Message(string message) => Args(w => w.WriteStringValue(message));

    /// <summary>A details dictionary holding only <c>message</c>.</summary>
    public static JsonElement MessageDetails(string message) => Cfc.Wamp.WampJson.BuildObject(w => w.WriteString("message", message));
}

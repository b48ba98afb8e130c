using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.Cli.Commands;

/// <summary>JSON in and out of commands: typed results to <see cref="JsonElement"/>, user-typed JSON to values.</summary>
internal static class CliJson
{
    public static JsonElement Of<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToElement(value, typeInfo);

    public static JsonElement Of(IReadOnlyList<string> items) => Of(items, CfcJsonContext.Default.IReadOnlyListString);

    public static JsonElement Of(IReadOnlyList<long> items) => Of(items, CfcJsonContext.Default.IReadOnlyListInt64);

    public static JsonElement Build(Action<Utf8JsonWriter> write) => WampJson.BuildObject(write);

    public static JsonElement Array(IEnumerable<JsonElement> items)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (JsonElement item in items)
            {
                item.WriteTo(w);
            }

            w.WriteEndArray();
        }

        using JsonDocument doc = JsonDocument.Parse(buffer.ToArray());
        return doc.RootElement.Clone();
    }

    /// <summary>Parses JSON the user typed; <c>@path</c> reads it from a file.</summary>
    public static JsonElement Parse(string text, string what)
    {
        string json = text;
        if (text.StartsWith('@'))
        {
            string path = text[1..];
            json = File.Exists(path) ? File.ReadAllText(path) : throw new CliUsageException($"{what}: file {path} does not exist.");
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CliUsageException(
                $"{what} is not valid JSON ({ex.Message.Split(" Path:")[0].TrimEnd('.')}); strings need double quotes and the shell needs single quotes around them, e.g. '\"hello\"' or '{{\"type\":\"router\"}}'.");
        }
    }

    /// <summary>A configuration object (<c>--config</c>) as the dictionary the typed API takes; absent means <c>{}</c>.</summary>
    public static IReadOnlyDictionary<string, object?> Config(string? text, string what)
    {
        var config = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (text is null)
        {
            return config;
        }

        JsonElement value = Parse(text, what);
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new CliUsageException($"{what} must be a JSON object, e.g. '{{\"type\":\"router\"}}'; got a JSON {value.ValueKind.ToString().ToLowerInvariant()}.");
        }

        foreach (JsonProperty p in value.EnumerateObject())
        {
            config[p.Name] = p.Value.Clone();
        }

        return config;
    }

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Cfc.Client;

/// <summary>
/// Makes the configuration parameters of the typed API (<c>realmConfig</c>, <c>transportConfig</c>, <c>authExtra</c>, ...:
/// <c>IReadOnlyDictionary&lt;string, object?&gt;</c>) from a <see cref="JsonNode"/>, a <see cref="JsonElement"/> or a typed
/// object with its source-generated <see cref="JsonTypeInfo{T}"/> (no reflection: trimming and AOT safe).
/// Values inside a dictionary may be <see cref="JsonNode"/>s and <see cref="JsonElement"/>s too.
/// </summary>
/// <example>
/// <code>
/// JsonNode config = JsonNode.Parse("""{"name": "realm1", "roles": [{"name": "anonymous", "permissions": []}]}""")!;
/// await client.RemoteRouter.StartRouterRealmAsync("node1", "worker1", "realm1", CfcConfig.From(config));
/// await client.RemoteRouter.StartRouterRealmAsync("node1", "worker1", "realm2", CfcConfig.From(myRealmConfig, MyJsonContext.Default.RealmConfig));
/// </code>
/// </example>
public static class CfcConfig
{
    /// <summary>A configuration from a JSON object node.</summary>
    /// <param name="config">A <see cref="JsonObject"/>.</param>
    /// <returns>The configuration, ready to pass.</returns>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?> From(JsonNode config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config is not JsonObject obj)
        {
            throw new ArgumentException($"A configuration must be a JSON object, not {KindOf(config.GetValueKind())}.", nameof(config));
        }

        var result = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> pair in obj)
        {
            result[pair.Key] = pair.Value;   // the JSON writer takes nodes as they are
        }

        return result;
    }

    /// <summary>A configuration from a JSON object element.</summary>
    /// <param name="config">An element whose kind is <see cref="JsonValueKind.Object"/>.</param>
    /// <returns>The configuration, ready to pass.</returns>
    /// <exception cref="ArgumentException"><paramref name="config"/> is not a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?> From(JsonElement config)
    {
        if (config.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A configuration must be a JSON object, not {KindOf(config.ValueKind)}.", nameof(config));
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (JsonProperty property in config.EnumerateObject())
        {
            result[property.Name] = property.Value.Clone();
        }

        return result;
    }

    /// <summary>A configuration from a typed object, serialized with its source-generated metadata.</summary>
    /// <typeparam name="T">The object's type.</typeparam>
    /// <param name="config">The object; it must serialize to a JSON object.</param>
    /// <param name="typeInfo">Its metadata, e.g. <c>MyJsonContext.Default.RealmConfig</c>.</param>
    /// <returns>The configuration, ready to pass.</returns>
    /// <exception cref="ArgumentException"><paramref name="config"/> does not serialize to a JSON object.</exception>
    public static IReadOnlyDictionary<string, object?> From<T>(T config, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonElement element = JsonSerializer.SerializeToElement(config, typeInfo);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"A configuration must serialize to a JSON object; {typeof(T).Name} became {KindOf(element.ValueKind)}.", nameof(config));
        }

        return From(element);
    }

    private static string KindOf(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}

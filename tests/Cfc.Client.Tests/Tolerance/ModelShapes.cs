using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Tolerance;

/// <summary>
/// Every model and event type of the SDK, found in the assembly (so a new one is covered without touching the
/// tests), with a well-formed sample value for each of its fields.
/// </summary>
internal static class ModelShapes
{
    /// <summary>Every JSON kind a server could send in place of a field (null for "the field is missing").</summary>
    public static readonly (string Kind, string? Json)[] AllKinds =
    [
        ("string", "\"not what you expect\""),
        ("number", "42"),
        ("fraction", "-1.5"),
        ("huge number", "123456789012345678901234567890123456789"),
        ("bool", "true"),
        ("null", "null"),
        ("array", "[1,\"two\",{\"three\":3}]"),
        ("object", "{\"a\":{\"b\":[]}}"),
        ("missing", null),
    ];

    /// <summary>Every concrete model (result or event payload object).</summary>
    public static IReadOnlyList<Type> Models { get; } =
        [.. typeof(CfcObject).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CfcObject)) && !t.IsAbstract).OrderBy(t => t.Name)];

    /// <summary>Every typed event record (the positional-argument events with a generated Decode).</summary>
    public static IReadOnlyList<Type> Events { get; } =
        [.. typeof(CfcObject).Assembly.GetTypes().Where(t => t.GetMethod("Decode", BindingFlags.Static | BindingFlags.NonPublic, [typeof(WampPayload)]) is not null).OrderBy(t => t.Name)];

    /// <summary>The source-generated metadata of a model; fails when the model is not in <see cref="CfcJsonContext"/>.</summary>
    public static JsonTypeInfo TypeInfo(Type model) =>
        CfcJsonContext.Default.GetTypeInfo(model) ?? throw new InvalidOperationException($"{model.Name} is not registered in CfcJsonContext.");

    /// <summary>The typed fields of a model (wire name, property), without the extension-data store.</summary>
    public static IEnumerable<JsonPropertyInfo> Fields(Type model) => TypeInfo(model).Properties.Where(p => !p.IsExtensionData && p.Get is not null);

    /// <summary>A well-formed value for every typed field of <paramref name="model"/>.</summary>
    public static JsonObject WellFormed(Type model)
    {
        var obj = new JsonObject();
        foreach (JsonPropertyInfo field in Fields(model))
        {
            obj[field.Name] = JsonNode.Parse(SampleFor(field.PropertyType, $"{model.Name}.{field.Name}"));
        }

        return obj;
    }

    /// <summary>A JSON value that fits <paramref name="type"/>; fails for a type these tests do not know yet.</summary>
    public static string SampleFor(Type type, string where)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string)) { return "\"text\""; }
        if (t == typeof(long) || t == typeof(int)) { return "7"; }
        if (t == typeof(double)) { return "1.25"; }
        if (t == typeof(bool)) { return "true"; }
        if (t == typeof(DateTimeOffset)) { return "\"2026-12-03T08:03:08.237Z\""; }
        if (t == typeof(JsonElement)) { return "{\"k\":1}"; }
        if (t == typeof(IReadOnlyList<string>)) { return "[\"a\",\"b\"]"; }
        if (t == typeof(IReadOnlyList<long>)) { return "[1,2]"; }
        if (t == typeof(IReadOnlyDictionary<string, long>)) { return "{\"router\":1}"; }
        if (t.IsSubclassOf(typeof(CfcObject))) { return WellFormed(t).ToJsonString(); }
        throw new InvalidOperationException($"{where} has type {t}, which the tolerance tests have no sample for; add one in ModelShapes.SampleFor.");
    }

    /// <summary>Parses JSON into an element that outlives its document.</summary>
    public static JsonElement Json(string text) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(text));
}

using System.Text;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Interop.Tests.Harness;

/// <summary>Small JSON helpers for building payloads and comparing what came back.</summary>
internal static class Json
{
    public static JsonElement Parse(string json) => WampJson.ParseElement(Encoding.UTF8.GetBytes(json));

    /// <summary>A payload from JSON text: <paramref name="args"/> an array, <paramref name="kwargs"/> an object or null.</summary>
    public static WampPayload Payload(string args, string? kwargs = null) =>
        new(Parse(args), kwargs is null ? null : Parse(kwargs));

    /// <summary>Asserts that <paramref name="actual"/> holds the same JSON as <paramref name="expected"/>.</summary>
    public static void Equal(string expected, JsonElement? actual)
    {
        Assert.True(actual is not null, $"Expected {expected}, got nothing.");
        Assert.True(JsonElement.DeepEquals(Parse(expected), actual.Value), $"Expected {expected}, got {actual.Value.GetRawText()}.");
    }

    /// <summary>Keyword arguments as fox-wamp forwards them: absent, null or empty all mean "none".</summary>
    public static bool IsEmptyObject(JsonElement? value) =>
        value is null || value.Value.ValueKind == JsonValueKind.Null || (value.Value.ValueKind == JsonValueKind.Object && !value.Value.EnumerateObject().Any());
}

using System.Reflection;
using System.Text.Json;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Api;

internal static class ApiTestHelpers
{
    public static object Group(CfcClient client, string interfaceName) =>
        typeof(CfcClient).GetProperties().Single(p => p.PropertyType.Name == interfaceName).GetValue(client)!;

    public static Type InterfaceType(string interfaceName) => typeof(CfcClient).Assembly.GetType("Cfc.Client." + interfaceName, throwOnError: true)!;

    public static string Camel(string seed)
    {
        if (seed == "authextra")
        {
            return "authExtra";
        }

        string pascal = string.Concat(seed.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    public static string Pascal(string seed) => string.Concat(seed.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>A distinct, valid value for a seed parameter, and its expected JSON on the wire.</summary>
    public static (object? Value, string Json) Sample(ParameterInfo p, string seedName)
    {
        Type t = p.ParameterType;
        if (t == typeof(string))
        {
            if (seedName == "pubkey")
            {
                string key = string.Concat(Enumerable.Repeat("Ab", 32));
                return (key, $"\"{key.ToLowerInvariant()}\"");
            }

            return ($"{seedName}-1", $"\"{seedName}-1\"");
        }

        if (t == typeof(CfcRole))
        {
            return (CfcRole.Admin, "\"admin\"");
        }

        if (t == typeof(IReadOnlyDictionary<string, object?>))
        {
            return (new Dictionary<string, object?> { ["key"] = seedName, ["n"] = 1, ["nested"] = new Dictionary<string, object?> { ["list"] = new object?[] { true, null, 2.5 } } },
                $"{{\"key\":\"{seedName}\",\"n\":1,\"nested\":{{\"list\":[true,null,2.5]}}}}");
        }

        if (t == typeof(bool))
        {
            return (true, "true");
        }

        if (t == typeof(long))
        {
            return (7L, "7");
        }

        if (t == typeof(long?))
        {
            return ((long?)8, "8");
        }

        if (t == typeof(int?))
        {
            return ((int?)9, "9");
        }

        throw new InvalidOperationException($"No sample for {t} ({p.Name}).");
    }

    /// <summary>A result the peer can send that decodes into the method's result type.</summary>
    public static WampPayload ResultFor(MethodInfo method)
    {
        Type r = method.ReturnType;
        if (r == typeof(Task))
        {
            return WampPayload.Empty;
        }

        Type t = r.GetGenericArguments()[0];
        if (t == typeof(long))
        {
            return Payload.Args("5");
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return Payload.Args(t.GetGenericArguments()[0] == typeof(string) ? "[\"a\",\"b\"]" : t.GetGenericArguments()[0] == typeof(long) ? "[1,2]" : "[{}]");
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return Payload.Args("{\"alice@example.com\":[\"admin\",\"owner\"]}");
        }

        return Payload.Args("{\"unknown_field\":{\"a\":1}}");
    }

    public static bool JsonEquals(string expected, JsonElement? actual) =>
        actual is { } a && WampJson.DeepEquals(Payload.Json(expected), a);

    public static Task WaitUntil(Func<bool> condition, string what) => Eventually.HoldsAsync(condition, what);
}

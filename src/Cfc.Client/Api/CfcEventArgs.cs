using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp;

namespace Cfc.Client.Api;

/// <summary>Reads an event's positional arguments; a wrong shape raises <see cref="CfcEventFormatException"/> (the event is then skipped).</summary>
internal static class CfcEventArgs
{
    /// <summary>Reads a required string argument.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <returns>The string.</returns>
    public static string GetString(WampPayload payload, int index, string name)
    {
        if (index >= payload.Count || payload[index].ValueKind != JsonValueKind.String)
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) must be a string; got {Kind(payload, index)}.");
        }

        return payload[index].GetString()!;
    }

    /// <summary>Reads a required integer argument.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <returns>The integer.</returns>
    public static long GetInt64(WampPayload payload, int index, string name)
    {
        if (index >= payload.Count || payload[index].ValueKind != JsonValueKind.Number || !payload[index].TryGetInt64(out long value))
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) must be an integer; got {Kind(payload, index)}.");
        }

        return value;
    }

    /// <summary>Reads an information-object argument. A missing or null one decodes as an empty object (some servers omit it).</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <param name="typeInfo">The source-generated metadata.</param>
    /// <returns>The record.</returns>
    public static T GetObject<T>(WampPayload payload, int index, string name, JsonTypeInfo<T> typeInfo)
    {
        JsonElement element = index < payload.Count ? payload[index] : WampJson.EmptyObject;
        if (element.ValueKind == JsonValueKind.Null)
        {
            element = WampJson.EmptyObject;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) must be an object; got {element.ValueKind}.");
        }

        try
        {
            return element.Deserialize(typeInfo)!;
        }
        catch (JsonException ex)
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) is not a valid {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private static string Kind(WampPayload payload, int index) =>
        index < payload.Count ? payload[index].ValueKind.ToString() : "nothing (the event has " + payload.Count + " argument(s))";
}

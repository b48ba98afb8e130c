using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp;

namespace Cfc.Client.Api;

/// <summary>
/// Reads an event's arguments: each from its position, or, when the publisher sent it by keyword (or the position is
/// empty), from the keyword argument of the seed's name. An event with nothing to read at all raises a
/// <see cref="CfcEventFormatException"/> with <see cref="CfcEventFormatException.IsEmptyPayload"/> (skipped, never
/// delivered as a record of defaults); a wrong shape raises <see cref="CfcEventFormatException"/> (skipped and logged).
/// </summary>
internal static class CfcEventArgs
{
    /// <summary>Reads a required string argument (a number is taken as its text).</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <returns>The string.</returns>
    public static string GetString(WampPayload payload, int index, string name)
    {
        JsonElement value = Required(payload, index, name);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new CfcEventFormatException($"Argument {index} ({name}) must be a string; got {value.ValueKind}."),
        };
    }

    /// <summary>Reads a required integer argument (a number sent as a string is read as that number).</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <returns>The integer.</returns>
    public static long GetInt64(WampPayload payload, int index, string name)
    {
        JsonElement value = Required(payload, index, name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        throw new CfcEventFormatException($"Argument {index} ({name}) must be an integer; got {value.ValueKind} {Shorten(value)}.");
    }

    /// <summary>
    /// Reads an information-object argument: from its position, else from the keyword argument of its name, else from
    /// the keyword arguments themselves (a publisher that sent the object's fields as keywords). When other arguments
    /// carry the event and only this object is missing or null, it reads as an empty object (some servers omit it).
    /// Fields that do not fit their typed property are left null (see <see cref="CfcModelReader"/>).
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="payload">The payload.</param>
    /// <param name="index">The position.</param>
    /// <param name="name">The seed's name of the argument.</param>
    /// <param name="typeInfo">The source-generated metadata.</param>
    /// <returns>The record.</returns>
    public static T GetObject<T>(WampPayload payload, int index, string name, JsonTypeInfo<T> typeInfo)
    {
        if (!TryGet(payload, index, name, out JsonElement element))
        {
            if (Keywords(payload) is { } keywords)
            {
                element = keywords;
            }
            else if (HasPositional(payload))
            {
                element = WampJson.EmptyObject;
            }
            else
            {
                throw Empty(payload);
            }
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) must be an object; got {element.ValueKind}.");
        }

        try
        {
            return CfcModelReader.Read(element, typeInfo);
        }
        catch (CfcShapeException ex)
        {
            throw new CfcEventFormatException($"Argument {index} ({name}) is not a {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private static JsonElement Required(WampPayload payload, int index, string name)
    {
        if (TryGet(payload, index, name, out JsonElement value))
        {
            return value;
        }

        if (!HasPositional(payload) && Keywords(payload) is null)
        {
            throw Empty(payload);
        }

        throw new CfcEventFormatException(
            $"Argument {index} ({name}) is missing: the event has {payload.Count} positional argument(s) and no keyword argument \"{name}\".");
    }

    // The argument at its position when it is there and not null, else the keyword argument of its name.
    private static bool TryGet(WampPayload payload, int index, string name, out JsonElement value)
    {
        if (index < payload.Count && payload[index].ValueKind != JsonValueKind.Null)
        {
            value = payload[index];
            return true;
        }

        return payload.TryGetKeyword(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
    }

    private static bool HasPositional(WampPayload payload)
    {
        for (int i = 0; i < payload.Count; i++)
        {
            if (payload[i].ValueKind != JsonValueKind.Null)
            {
                return true;
            }
        }

        return false;
    }

    private static JsonElement? Keywords(WampPayload payload) =>
        payload.ArgumentsKeywords is { ValueKind: JsonValueKind.Object } k && k.EnumerateObject().Any() ? k : null;

    private static CfcEventFormatException Empty(WampPayload payload) => new(
        payload.Count == 0
            ? "the event has no arguments and no keyword arguments"
            : $"the event's {payload.Count} positional argument(s) are all null and it has no keyword arguments")
    {
        IsEmptyPayload = true,
    };

    private static string Shorten(JsonElement value)
    {
        string text = value.GetRawText();
        return text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
    }
}

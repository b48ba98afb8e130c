using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// Reads a server value into a model without ever failing because of one field: a field whose value does not fit
/// its typed property (a bool where a string is expected, a number too big for a long, an unparsable time) is left
/// out, so the property stays <see langword="null"/>; it is reported to <see cref="CfcMismatchScope"/> and stays in
/// <see cref="CfcObject.RawJson"/>. Only a value of the wrong shape altogether (a list where an object is expected)
/// fails, with <see cref="CfcShapeException"/>. Works from the source-generated metadata alone (no reflection).
/// </summary>
internal static class CfcModelReader
{
    /// <summary>Reads <paramref name="element"/> as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The model, a list of models or a plain value.</typeparam>
    /// <param name="element">The value the server sent.</param>
    /// <param name="typeInfo">The source-generated metadata.</param>
    /// <returns>The value; models carry <paramref name="element"/> in <see cref="CfcObject.RawJson"/>.</returns>
    /// <exception cref="CfcShapeException">The value cannot be a <typeparamref name="T"/> at all.</exception>
    public static T Read<T>(JsonElement element, JsonTypeInfo<T> typeInfo) => (T)Read(element, (JsonTypeInfo)typeInfo);

    /// <summary>Reads <paramref name="element"/> as the type <paramref name="typeInfo"/> describes.</summary>
    /// <param name="element">The value the server sent.</param>
    /// <param name="typeInfo">The source-generated metadata.</param>
    /// <returns>The value; models carry <paramref name="element"/> in <see cref="CfcObject.RawJson"/>.</returns>
    /// <exception cref="CfcShapeException">The value cannot be of that type at all.</exception>
    public static object Read(JsonElement element, JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        CheckShape(element, typeInfo);
        object? value;
        try
        {
            value = JsonSerializer.Deserialize(element, typeInfo);
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            if (!IsTolerant(typeInfo))
            {
                throw new CfcShapeException($"it is not a {Describe(typeInfo.Type)}: {ex.Message}", ex);
            }

            // The slow path, taken only when some field did not fit: drop those fields and read the rest.
            value = JsonSerializer.Deserialize(Sanitize(element, typeInfo), typeInfo);
        }

        if (value is null)
        {
            throw new CfcShapeException($"it is null, not a {Describe(typeInfo.Type)}");
        }

        AttachRaw(value, element);
        return value;
    }

    /// <summary>The JSON kind a value of <paramref name="typeInfo"/> must have, checked before anything is read.</summary>
    private static void CheckShape(JsonElement element, JsonTypeInfo typeInfo)
    {
        JsonValueKind expected = typeInfo.Kind switch
        {
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => JsonValueKind.Object,
            JsonTypeInfoKind.Enumerable => JsonValueKind.Array,
            _ => JsonValueKind.Undefined,
        };
        if (expected != JsonValueKind.Undefined && element.ValueKind != expected)
        {
            throw new CfcShapeException($"it is {Article(element.ValueKind)}, not {Article(expected)} ({Describe(typeInfo.Type)})");
        }
    }

    // Models (and lists of models) are read field by field; plain values and lists of plain values are all or nothing.
    private static bool IsTolerant(JsonTypeInfo typeInfo) =>
        IsModel(typeInfo) || (typeInfo.Kind == JsonTypeInfoKind.Enumerable && typeInfo.ElementType is { } e && typeof(CfcObject).IsAssignableFrom(e));

    private static bool IsModel(JsonTypeInfo typeInfo) => typeInfo.Kind == JsonTypeInfoKind.Object && typeof(CfcObject).IsAssignableFrom(typeInfo.Type);

    private static JsonElement Sanitize(JsonElement element, JsonTypeInfo typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, element.GetRawText().Length));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
            {
                JsonTypeInfo elementInfo = typeInfo.Options.GetTypeInfo(typeInfo.ElementType!);
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        throw new CfcShapeException($"an item is {Article(item.ValueKind)}, not an object ({Describe(elementInfo.Type)})");
                    }

                    WriteFittingFields(writer, item, elementInfo);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteFittingFields(writer, element, typeInfo);
            }
        }

        return WampJson.ParseElement(buffer.WrittenSpan);
    }

    // Copies the object's fields except those whose value does not read as their property's type.
    private static void WriteFittingFields(Utf8JsonWriter writer, JsonElement obj, JsonTypeInfo typeInfo)
    {
        writer.WriteStartObject();
        foreach (JsonProperty field in obj.EnumerateObject())
        {
            JsonPropertyInfo? property = FindProperty(typeInfo, field.Name);
            if (property is null || field.Value.ValueKind == JsonValueKind.Null || Fits(field.Value, property))
            {
                field.WriteTo(writer);
            }
            else
            {
                CfcMismatchScope.Report(new CfcFieldMismatch(typeInfo.Type, field.Name, property.PropertyType, field.Value.ValueKind));
            }
        }

        writer.WriteEndObject();
    }

    private static bool Fits(JsonElement value, JsonPropertyInfo property)
    {
        try
        {
            JsonSerializer.Deserialize(value, property.Options.GetTypeInfo(property.PropertyType));
            return true;
        }
        catch (Exception ex) when (IsDecodeFailure(ex))
        {
            return false;
        }
    }

    // What System.Text.Json throws for a value it cannot read as the type (never a bug of ours to hide).
    private static bool IsDecodeFailure(Exception ex) =>
        ex is JsonException or InvalidOperationException or FormatException or NotSupportedException or OverflowException or ArgumentException;

    private static JsonPropertyInfo? FindProperty(JsonTypeInfo typeInfo, string name)
    {
        foreach (JsonPropertyInfo property in typeInfo.Properties)
        {
            if (property.Name == name && !property.IsExtensionData)
            {
                return property;
            }
        }

        return null;
    }

    private static void AttachRaw(object value, JsonElement element)
    {
        if (value is CfcObject model)
        {
            model.RawJson = element.Clone();
        }
        else if (value is IReadOnlyList<CfcObject> models && element.ValueKind == JsonValueKind.Array && models.Count == element.GetArrayLength())
        {
            int i = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                models[i++].RawJson = item.Clone();
            }
        }
    }

    private static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a bool",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}

/// <summary>A value that cannot be the model it should be read as (a list where an object is expected).</summary>
/// <param name="message">What is wrong, phrased to follow "the result ...".</param>
/// <param name="innerException">The JSON error, if any.</param>
internal sealed class CfcShapeException(string message, Exception? innerException = null) : Exception(message, innerException);

using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Reads a call's arguments by position, falling back to the keyword of the seed's parameter name, and refuses
/// missing or mistyped ones with <c>wamp.error.invalid_argument</c> (what the master answers for bad input).
/// </summary>
internal readonly struct FakeArgs(WampPayload payload)
{
    public int Count => payload.Count;

    public bool TryGet(int index, string name, out JsonElement value)
    {
        if (index < payload.Count && payload[index].ValueKind != JsonValueKind.Null)
        {
            value = payload[index];
            return true;
        }

        if (payload.TryGetKeyword(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string String(int index, string name) =>
        OptionalString(index, name) is { Length: > 0 } s ? s : throw FakeErrors.Invalid($"missing argument '{name}'");

    public string? OptionalString(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw FakeErrors.Invalid($"argument '{name}' must be a string");
    }

    public bool Bool(int index, string name, bool defaultValue)
    {
        if (!TryGet(index, name, out JsonElement v))
        {
            return defaultValue;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw FakeErrors.Invalid($"argument '{name}' must be a boolean"),
        };
    }

    public long? OptionalLong(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : throw FakeErrors.Invalid($"argument '{name}' must be an integer");
    }

    public JsonElement? OptionalObject(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v))
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Object ? v.Clone() : throw FakeErrors.Invalid($"argument '{name}' must be a dictionary");
    }

    public JsonElement Object(int index, string name) =>
        OptionalObject(index, name) ?? throw FakeErrors.Invalid($"missing argument '{name}'");

    public JsonElement? Raw(int index, string name) => TryGet(index, name, out JsonElement v) ? v.Clone() : null;
}

using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>How a master procedure reacts to an argument of the wrong JSON type.</summary>
internal enum MasterTypeCheck
{
    /// <summary>Global realm procedures <c>assert isinstance(...)</c>: <c>wamp.error.runtime_error</c> with no arguments.</summary>
    Assert,

    /// <summary>Management realm procedures are registered with <c>check_types=True</c>: <c>wamp.error.type_check_error</c>.</summary>
    Checked,
}

/// <summary>
/// Reads a master procedure's arguments the way its Python signature binds them: by position, else by the
/// parameter's keyword; a missing required one is <c>runtime_error ["f() missing 1 required positional argument: 'x'"]</c>.
/// </summary>
internal readonly struct MasterArgs(WampPayload payload, string function, MasterTypeCheck typeCheck)
{
    public int Count => payload.Count;

    public bool TryGet(int index, string name, out JsonElement value)
    {
        if (index < payload.Count)
        {
            value = payload[index];
            return true;
        }

        return payload.TryGetKeyword(name, out value);
    }

    public bool Has(int index, string name) => TryGet(index, name, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>Fails like Python when more positional arguments came than the function takes (the extra one lands on <c>details</c>).</summary>
    public void AtMost(int positional)
    {
        if (payload.Count > positional)
        {
            throw MasterErrors.Runtime($"{function}() got multiple values for argument 'details'");
        }
    }

    public JsonElement Required(int index, string name) =>
        TryGet(index, name, out JsonElement v) ? v : throw MasterErrors.Missing(function, name);

    public string String(int index, string name)
    {
        JsonElement v = Required(index, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw WrongType(name, v, "str");
    }

    public string? OptionalString(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw WrongType(name, v, "str", "NoneType");
    }

    public bool Bool(int index, string name, bool defaultValue)
    {
        if (!TryGet(index, name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw WrongType(name, v, "bool"),
        };
    }

    public long? OptionalLong(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out long n) ? n : throw WrongType(name, v, "int");
    }

    public JsonElement? OptionalObject(int index, string name)
    {
        if (!TryGet(index, name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return v.ValueKind == JsonValueKind.Object ? v.Clone() : throw WrongType(name, v, "dict");
    }

    public JsonElement Object(int index, string name) =>
        OptionalObject(index, name) ?? throw MasterErrors.Missing(function, name);

    /// <summary>A uuid argument: a string Python's <c>uuid.UUID</c> accepts, else <c>runtime_error ["badly formed hexadecimal UUID string"]</c>.</summary>
    public string Uuid(int index, string name)
    {
        string s = String(index, name);
        return IsUuid(s) ? s.ToLowerInvariant() : throw MasterErrors.Runtime(MasterErrors.BadUuid);
    }

    public static bool IsUuid(string? s) => s is not null && Guid.TryParseExact(s, "D", out _);

    private WampException WrongType(string name, JsonElement v, params string[] expected) => typeCheck switch
    {
        MasterTypeCheck.Checked => MasterErrors.TypeCheck(expected.Length == 1
            ? $"'{name}' expected type={expected[0]} got={PythonType(v)}"
            : $"'{name}' expected types=[{string.Join(", ", expected.Select(e => "'" + e + "'"))}] got={PythonType(v)}"),
        _ => MasterErrors.RuntimeNoArgs($"{function}: argument '{name}' has the wrong type"),
    };

    private static string PythonType(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => "str",
        JsonValueKind.Number => v.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "list",
        JsonValueKind.Object => "dict",
        _ => "NoneType",
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{function}({payload.Count} args)");
}

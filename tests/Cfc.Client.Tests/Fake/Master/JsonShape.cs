using System.Text.Json;

namespace Cfc.Client.Tests.Fake.Master;

/// <summary>
/// Compares two JSON values by shape: the JSON kind of every value (object, array, string, int, float, bool, null; an int has
/// no fraction or exponent in its text, as Python writes them), the keys of every object, recursively. Values may differ.
/// Arrays: top-level arguments are positional (same length, element by element); nested arrays are lists of like items
/// (both empty or both not, every item shaped like the recorded one at its index or the last). Objects named in
/// <see cref="MapKeys"/> are keyed by data (worker types, realm ids), so only their values' shapes are compared.
/// </summary>
internal static class JsonShape
{
    /// <summary>Object-valued fields whose keys are data, not schema.</summary>
    public static IReadOnlySet<string> MapKeys { get; } = new HashSet<string>(StringComparer.Ordinal) { "workers_by_type", "workers" };

    public static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => e.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "int",
        JsonValueKind.True or JsonValueKind.False => "bool",
        _ => "null",
    };

    /// <summary>Positional arguments (of a call result, an error, an event).</summary>
    public static void CompareArguments(string path, IReadOnlyList<JsonElement> recorded, IReadOnlyList<JsonElement> fake, List<string> problems, bool rootIsMap = false)
    {
        if (recorded.Count != fake.Count)
        {
            problems.Add($"{path}: {recorded.Count} positional argument(s) recorded, the fake sent {fake.Count}");
            return;
        }

        for (int i = 0; i < recorded.Count; i++)
        {
            Compare($"{path}[{i}]", recorded[i], fake[i], problems, isMap: rootIsMap);
        }
    }

    public static void Compare(string path, JsonElement recorded, JsonElement fake, List<string> problems, bool isMap = false)
    {
        string rk = Kind(recorded);
        string fk = Kind(fake);
        if (rk != fk)
        {
            problems.Add($"{path}: recorded {rk} ({Cut(recorded)}), the fake sent {fk} ({Cut(fake)})");
            return;
        }

        if (rk == "object")
        {
            if (isMap)
            {
                JsonElement? sample = recorded.EnumerateObject().Select(p => (JsonElement?)p.Value).FirstOrDefault();
                foreach (JsonProperty p in fake.EnumerateObject())
                {
                    if (sample is { } s)
                    {
                        Compare($"{path}.{p.Name}", s, p.Value, problems);
                    }
                }

                return;
            }

            string[] rkeys = [.. recorded.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
            string[] fkeys = [.. fake.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
            if (!rkeys.SequenceEqual(fkeys))
            {
                problems.Add($"{path}: keys recorded [{string.Join(", ", rkeys)}], the fake sent [{string.Join(", ", fkeys)}]");
                return;
            }

            foreach (string key in rkeys)
            {
                Compare($"{path}.{key}", recorded.GetProperty(key), fake.GetProperty(key), problems, MapKeys.Contains(key));
            }
        }
        else if (rk == "array")
        {
            int rn = recorded.GetArrayLength();
            int fn = fake.GetArrayLength();
            if ((rn == 0) != (fn == 0))
            {
                problems.Add($"{path}: recorded {rn} item(s), the fake sent {fn}");
                return;
            }

            for (int i = 0; i < fn; i++)
            {
                Compare($"{path}[{i}]", recorded[Math.Min(i, rn - 1)], fake[i], problems);
            }
        }
    }

    private static string Cut(JsonElement e)
    {
        string text = e.GetRawText();
        return text.Length <= 60 ? text : text[..60] + "...";
    }
}

/// <summary>
/// The fake's ids for the recorded ones (oids, session and registration ids), learned by walking a recorded answer and the
/// fake's answer side by side, so that later recorded calls can be replayed with the fake's ids.
/// </summary>
internal sealed class IdMap
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _numbers = [];

    public void Learn(JsonElement recorded, JsonElement fake, bool fromList = false)
    {
        if (recorded.ValueKind == JsonValueKind.String && fake.ValueKind == JsonValueKind.String)
        {
            string r = recorded.GetString()!;
            if (Guid.TryParseExact(r, "D", out _) && (!fromList || !_strings.ContainsKey(r)))
            {
                _strings[r] = fake.GetString()!;
            }
        }
        else if (recorded.ValueKind == JsonValueKind.Number && fake.ValueKind == JsonValueKind.Number
            && recorded.TryGetInt64(out long rn) && fake.TryGetInt64(out long fn) && rn > int.MaxValue && (!fromList || !_numbers.ContainsKey(rn)))
        {
            _numbers[rn] = fn;
        }
        else if (recorded.ValueKind == JsonValueKind.Object && fake.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in recorded.EnumerateObject())
            {
                if (fake.TryGetProperty(p.Name, out JsonElement f))
                {
                    Learn(p.Value, f);
                }
            }
        }
        else if (recorded.ValueKind == JsonValueKind.Array && fake.ValueKind == JsonValueKind.Array)
        {
            for (int i = 0; i < Math.Min(recorded.GetArrayLength(), fake.GetArrayLength()); i++)
            {
                Learn(recorded[i], fake[i], fromList: true);
            }
        }
    }

    /// <summary>The recorded value with every known id replaced by the fake's.</summary>
    public JsonElement Apply(JsonElement recorded)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            Write(w, recorded);
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement.Clone();
    }

    private void Write(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (JsonProperty p in e.EnumerateObject())
                {
                    w.WritePropertyName(p.Name);
                    Write(w, p.Value);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (JsonElement item in e.EnumerateArray())
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String when _strings.TryGetValue(e.GetString()!, out string? s):
                w.WriteStringValue(s);
                break;
            case JsonValueKind.Number when e.TryGetInt64(out long n) && _numbers.TryGetValue(n, out long m):
                w.WriteNumberValue(m);
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cfc.Cli.Output;

/// <summary>
/// Writes a JSON value as block-style YAML. Every JSON document is valid YAML already; this writer exists so that
/// people get the familiar indented form. Strings that YAML would read as something else are double-quoted with
/// JSON escapes, which YAML accepts, so the output reads back to the same value.
/// </summary>
internal static class YamlText
{
    public static string Write(JsonElement value)
    {
        var sb = new StringBuilder();
        WriteValue(sb, value, indent: 0, inSequence: false);
        if (sb.Length == 0 || sb[^1] != '\n')
        {
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void WriteValue(StringBuilder sb, JsonElement value, int indent, bool inSequence)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when value.EnumerateObject().Any():
                bool first = true;
                foreach (JsonProperty p in value.EnumerateObject())
                {
                    // The first key of a mapping inside a sequence item shares the "- " line.
                    if (!(first && inSequence))
                    {
                        sb.Append(' ', indent);
                    }

                    first = false;
                    sb.Append(Scalar(p.Name)).Append(':');
                    WriteChild(sb, p.Value, indent);
                }

                break;
            case JsonValueKind.Array when value.GetArrayLength() > 0:
                bool firstItem = true;
                foreach (JsonElement item in value.EnumerateArray())
                {
                    if (!(firstItem && inSequence))
                    {
                        sb.Append(' ', indent);
                    }

                    firstItem = false;
                    sb.Append("- ");
                    if (IsCollection(item))
                    {
                        WriteValue(sb, item, indent + 2, inSequence: true);
                    }
                    else
                    {
                        sb.Append(Scalar(item)).Append('\n');
                    }
                }

                break;
            default:
                sb.Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder sb, JsonElement value, int indent)
    {
        if (IsCollection(value))
        {
            sb.Append('\n');
            // Sequences under a key stay at the key's indent (the common YAML style); mappings nest by two.
            WriteValue(sb, value, value.ValueKind == JsonValueKind.Array ? indent : indent + 2, inSequence: false);
        }
        else
        {
            sb.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static bool IsCollection(JsonElement value) =>
        (value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any())
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0);

    private static string Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Scalar(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "{}",
        JsonValueKind.Array => "[]",
        _ => "null",
    };

    private static string Scalar(string text) => NeedsQuotes(text) ? JsonSerializer.Serialize(text, CliJsonContext.Default.String) : text;

    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return true;
        }

        // Words YAML 1.1/1.2 read as booleans or null, and anything that looks like a number.
        string lower = s.ToLowerInvariant();
        if (lower is "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~"
            || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return true;
        }

        if ("-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal))
        {
            return true;
        }

        foreach (char c in s)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':');
    }
}

using System.Text;

namespace Cfc.CodeGen;

/// <summary>How seed names and texts become C# names and XML doc text.</summary>
internal static class Naming
{
    private static readonly Dictionary<string, string> NameOverrides = new(StringComparer.Ordinal) { ["authextra"] = "authExtra" };

    /// <summary><c>pair_node</c> (or <c>wamp.session.get</c>) to <c>PairNode</c>.</summary>
    public static string Pascal(string seed)
    {
        var sb = new StringBuilder();
        foreach (string part in seed.Replace('.', '_').Split('_'))
        {
            if (part.Length > 0)
            {
                sb.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            }
        }

        return sb.ToString();
    }

    /// <summary><c>realm_name</c> to <c>realmName</c>.</summary>
    public static string Camel(string seed)
    {
        if (NameOverrides.TryGetValue(seed, out string? name))
        {
            return name;
        }

        string p = Pascal(seed);
        return p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..];
    }

    /// <summary>Escapes text for an XML doc comment (&amp;, &lt;, &gt;).</summary>
    public static string Doc(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>Seed text as one sentence: capitalized, ending in exactly one period (seed texts sometimes bring their own).</summary>
    public static string Sentence(string text)
    {
        text = Capitalize(text.Trim());
        return Doc(text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".");
    }

    /// <summary>Seed text followed by more words in the same sentence: capitalized, without a trailing period.</summary>
    public static string Phrase(string text) => Doc(Capitalize(text.Trim().TrimEnd('.')));

    /// <summary>A C# string literal, or <c>null</c>.</summary>
    public static string CsString(string? text) =>
        text is null ? "null" : "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Text for a Markdown table cell.</summary>
    public static string Md(string? text) => (text ?? string.Empty).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

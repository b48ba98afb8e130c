using System.Text.RegularExpressions;

namespace Cfc.Wamp.Router;

/// <summary>URI validation and the three match policies (exact, prefix, wildcard) of pattern-based subscriptions and registrations.</summary>
internal static partial class RouterUris
{
    public const string Exact = "exact";
    public const string Prefix = "prefix";
    public const string Wildcard = "wildcard";

    [GeneratedRegex(@"^([^\s\.#]+\.)*([^\s\.#]+)$")]
    private static partial Regex LooseUri();

    [GeneratedRegex(@"^(([^\s\.#]+\.)|\.)*([^\s\.#]+)?$")]
    private static partial Regex LoosePattern();

    /// <summary>Whether <paramref name="uri"/> is valid for the given match policy (patterns may have empty components).</summary>
    public static bool IsValid(string uri, string match) => match switch
    {
        Exact => LooseUri().IsMatch(uri),
        Prefix => uri.Length > 0 && LoosePattern().IsMatch(uri),
        Wildcard => uri.Length > 0 && LoosePattern().IsMatch(uri),
        _ => false,
    };

    public static bool IsKnownMatch(string? match) => match is Exact or Prefix or Wildcard;

    public static bool Matches(string pattern, string match, string uri) => match switch
    {
        Exact => string.Equals(pattern, uri, StringComparison.Ordinal),
        Prefix => uri.StartsWith(pattern, StringComparison.Ordinal),
        Wildcard => WildcardMatches(pattern, uri),
        _ => false,
    };

    /// <summary>How specific a wildcard pattern is: the number of non-empty components (more is better).</summary>
    public static int WildcardScore(string pattern)
    {
        int score = 0;
        foreach (string part in pattern.Split('.'))
        {
            if (part.Length > 0)
            {
                score++;
            }
        }

        return score;
    }

    private static bool WildcardMatches(string pattern, string uri)
    {
        string[] p = pattern.Split('.');
        string[] u = uri.Split('.');
        if (p.Length != u.Length)
        {
            return false;
        }

        for (int i = 0; i < p.Length; i++)
        {
            if (p[i].Length > 0 && !string.Equals(p[i], u[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}

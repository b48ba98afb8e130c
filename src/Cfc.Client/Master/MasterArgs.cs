using System.Text.RegularExpressions;

namespace Cfc.Client.Master;

/// <summary>
/// Argument checks the real master needs before the wire: it accepts some garbage and breaks later (a pair_node with a
/// non-hex public key makes the realm unreadable), and a bad realm name costs a round trip for a
/// <c>fabric.invalid-realm</c> that the client can say better. The rules are the master's own
/// (crossbar/master/mrealm/mrealm.py, v22.6.1).
/// </summary>
internal static partial class MasterArgs
{
    /// <summary>Realm name prefixes the master reserves for itself.</summary>
    public static readonly IReadOnlyList<string> ProtectedRealmPrefixes =
    [
        "io.crossbar", "com.crossbario", "de.crossbario", "crossbar", "crossbar-wamp", "crossbarfabric", "crossbarfabric-wamp",
        "crossbarfabriccenter", "crossbario", "fabric", "autobahn", "wamp", "ws.wamp", "io.wamp",
    ];

    /// <summary>The master's management realm name pattern.</summary>
    public const string RealmNamePattern = @"^[A-Za-z][A-Za-z0-9_\-@\.]{2,254}$";

    /// <summary>Refuses a name the master would refuse as a management realm name.</summary>
    /// <param name="name">The realm name.</param>
    /// <param name="paramName">The parameter, for the exception.</param>
    /// <exception cref="ArgumentException">The name breaks the master's rules (nothing was sent).</exception>
    public static void RequireRealmName(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!RealmName().IsMatch(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a management realm name the Crossbar.io master accepts: it must match {RealmNamePattern} " +
                "(a letter, then 2 to 254 letters, digits or _-@.).",
                paramName);
        }

        foreach (string prefix in ProtectedRealmPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"'{name}' starts with \"{prefix}\", a prefix the Crossbar.io master reserves; choose another management realm name.", paramName);
            }
        }
    }

    [GeneratedRegex(RealmNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex RealmName();
}

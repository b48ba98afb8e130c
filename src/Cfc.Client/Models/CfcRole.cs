namespace Cfc.Client;

/// <summary>A user's role on a management realm (the seed's role names, lowest to highest).</summary>
public enum CfcRole
{
    /// <summary><c>guest</c>.</summary>
    Guest = 0,

    /// <summary><c>developer</c>.</summary>
    Developer = 1,

    /// <summary><c>operator</c>.</summary>
    Operator = 2,

    /// <summary><c>admin</c>.</summary>
    Admin = 3,

    /// <summary><c>owner</c>.</summary>
    Owner = 4,
}

/// <summary>Converts <see cref="CfcRole"/> to and from the seed's role names.</summary>
public static class CfcRoles
{
    private static readonly string[] Names = ["guest", "developer", "operator", "admin", "owner"];

    /// <summary>The role names the server accepts, in <see cref="CfcRole"/> order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>Returns the wire name of a role.</summary>
    /// <param name="role">The role.</param>
    /// <param name="paramName">The parameter to name when <paramref name="role"/> is not a defined role.</param>
    /// <returns>The role's name, e.g. <c>admin</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not a defined <see cref="CfcRole"/>.</exception>
    public static string ToWire(CfcRole role, string? paramName = null)
    {
        if ((uint)role >= (uint)Names.Length)
        {
            throw new ArgumentOutOfRangeException(paramName ?? nameof(role), role, $"Unknown role; use one of {string.Join(", ", Names)}.");
        }

        return Names[(int)role];
    }

    /// <summary>Parses a role name (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>admin</c>.</param>
    /// <returns>The role.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of the role names.</exception>
    public static CfcRole Parse(string name)
    {
        if (TryParse(name, out CfcRole role))
        {
            return role;
        }

        throw new ArgumentException($"Unknown role name '{name}'; use one of {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>Tries to parse a role name (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="role">The role, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is a role name.</returns>
    public static bool TryParse(string? name, out CfcRole role)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                role = (CfcRole)i;
                return true;
            }
        }

        role = default;
        return false;
    }
}

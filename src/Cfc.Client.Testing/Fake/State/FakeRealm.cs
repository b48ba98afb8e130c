namespace Cfc.Client.Testing;

/// <summary>The lifecycle of a management realm in the fake.</summary>
internal enum FakeRealmStatus
{
    Creating,
    Active,
    Deleting,
}

/// <summary>A management realm: its identity and the roles users hold on it. Guarded by <see cref="FakeCfcState.Gate"/>.</summary>
internal sealed class FakeRealm(string name, string oid, DateTimeOffset created, string? owner)
{
    public string Name { get; } = name;

    public string Oid { get; } = oid;

    public DateTimeOffset Created { get; } = created;

    /// <summary>The creator's authid.</summary>
    public string? Owner { get; } = owner;

    public FakeRealmStatus Status { get; set; } = FakeRealmStatus.Creating;

    /// <summary>The master's optional label (<see cref="CfcUriScheme.CrossbarMaster"/>: <c>create_mrealm({"label": ...})</c>).</summary>
    public string? Label { get; init; }

    /// <summary>The master's optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The master's optional tags; null when none were given.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>User id to roles, in grant order of users; each user's roles in rank order.</summary>
    public OrderedDictionary<string, List<string>> Roles { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> RolesOf(string? userId) =>
        userId is not null && Roles.TryGetValue(userId, out List<string>? roles) ? roles : [];

    public bool HasAnyRole(string? userId, params ReadOnlySpan<string> roles)
    {
        IReadOnlyList<string> held = RolesOf(userId);
        foreach (string role in roles)
        {
            if (held.Contains(role, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <returns><see langword="false"/> when the user already held the role.</returns>
    public bool Grant(string userId, string role)
    {
        if (!Roles.TryGetValue(userId, out List<string>? roles))
        {
            roles = [];
            Roles.Add(userId, roles);
        }

        if (roles.Contains(role, StringComparer.Ordinal))
        {
            return false;
        }

        roles.Add(role);
        roles.Sort((a, b) => FakeRoles.Rank(a).CompareTo(FakeRoles.Rank(b)));
        return true;
    }

    /// <returns><see langword="false"/> when the user did not hold the role.</returns>
    public bool Revoke(string userId, string role)
    {
        if (!Roles.TryGetValue(userId, out List<string>? roles) || !roles.Remove(role))
        {
            return false;
        }

        if (roles.Count == 0)
        {
            Roles.Remove(userId);
        }

        return true;
    }

    public int CountHolders(string role) => Roles.Values.Count(r => r.Contains(role, StringComparer.Ordinal));
}

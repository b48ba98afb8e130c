namespace Cfc.Client;

/// <summary>
/// A management realm (<c>get_realm</c>, <c>create_realm</c>, <c>on_realm_created</c>). The seed leaves the object open
/// ("FIXME"); the typed fields are the real server's management realm object.
/// </summary>
public sealed record ManagementRealmInfo : CfcObject
{
    /// <summary>The realm's object id (a UUID), if sent.</summary>
    public string? Oid { get; init; }

    /// <summary>The realm name (the WAMP realm nodes and tools join).</summary>
    public string? Name { get; init; }

    /// <summary>A label, if set.</summary>
    public string? Label { get; init; }

    /// <summary>A description, if set.</summary>
    public string? Description { get; init; }

    /// <summary>Tags, if set.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    /// <summary>When the realm was created, if sent (the real master sends microseconds since the epoch, other servers ISO 8601).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The owner's user object id, if sent.</summary>
    public string? Owner { get; init; }

    /// <summary>The CFC router worker serving the realm, if sent.</summary>
    public string? CfRouterWorker { get; init; }

    /// <summary>The CFC container worker serving the realm, if sent.</summary>
    public string? CfContainerWorker { get; init; }
}

/// <summary>The realm deletion information object (<c>delete_realm</c>, <c>on_realm_deleted</c>); typed from the real server's reply.</summary>
public sealed record RealmDeleted : CfcObject
{
    /// <summary>The deleted realm's object id, if sent.</summary>
    public string? Oid { get; init; }

    /// <summary>The deleted realm's name, if sent.</summary>
    public string? Name { get; init; }

    /// <summary>When the realm was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>When the realm was deleted, if sent.</summary>
    public DateTimeOffset? Deleted { get; init; }

    /// <summary>The owner's user object id, if sent.</summary>
    public string? Owner { get; init; }

    /// <summary>Who deleted the realm, if sent.</summary>
    public string? Caller { get; init; }

    /// <summary>The object ids of the nodes that were unpaired (cascade), if sent.</summary>
    public IReadOnlyList<string>? Unpaired { get; init; }
}

/// <summary>The realm creating information object of <c>on_realm_creating</c>; the seed leaves it open.</summary>
public sealed record RealmCreating : CfcObject;

/// <summary>The realm deleting information object of <c>on_realm_deleting</c>; the seed leaves it open.</summary>
public sealed record RealmDeleting : CfcObject;

/// <summary>The role granted information object (<c>grant_role</c>, <c>on_role_granted</c>); the seed leaves it open.</summary>
public sealed record RoleGranted : CfcObject;

/// <summary>The role revoked information object (<c>revoke_role</c>, <c>on_role_revoked</c>); the seed leaves it open.</summary>
public sealed record RoleRevoked : CfcObject;

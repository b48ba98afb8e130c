using System.Text.Json;

namespace Cfc.Client;

/// <summary>The details of a WAMP session on a node's router realm (<c>wamp.session.get</c>, <c>wamp.session.on_join</c>).</summary>
public sealed record MetaSessionDetails : CfcObject
{
    /// <summary>The session id, if sent.</summary>
    public long? Session { get; init; }

    /// <summary>The authid, if sent.</summary>
    public string? Authid { get; init; }

    /// <summary>The authrole, if sent.</summary>
    public string? Authrole { get; init; }

    /// <summary>The authentication method, if sent.</summary>
    public string? Authmethod { get; init; }

    /// <summary>The authentication provider, if sent.</summary>
    public string? Authprovider { get; init; }

    /// <summary>The transport details, if sent.</summary>
    public JsonElement? Transport { get; init; }
}

/// <summary>Registration or subscription IDs by match policy (<c>wamp.registration.list</c>, <c>wamp.subscription.list</c>).</summary>
public sealed record MetaIdLists : CfcObject
{
    /// <summary>The IDs with exact matching.</summary>
    public IReadOnlyList<long>? Exact { get; init; }

    /// <summary>The IDs with prefix matching.</summary>
    public IReadOnlyList<long>? Prefix { get; init; }

    /// <summary>The IDs with wildcard matching.</summary>
    public IReadOnlyList<long>? Wildcard { get; init; }
}

/// <summary>The details of a registration (<c>wamp.registration.get</c>).</summary>
public sealed record MetaRegistrationDetails : CfcObject
{
    /// <summary>The registration id, if sent.</summary>
    public long? Id { get; init; }

    /// <summary>When the registration was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The procedure URI, if sent.</summary>
    public string? Uri { get; init; }

    /// <summary>The match policy, if sent.</summary>
    public string? Match { get; init; }

    /// <summary>The invocation policy, if sent.</summary>
    public string? Invoke { get; init; }
}

/// <summary>The details of a subscription (<c>wamp.subscription.get</c>).</summary>
public sealed record MetaSubscriptionDetails : CfcObject
{
    /// <summary>The subscription id, if sent.</summary>
    public long? Id { get; init; }

    /// <summary>When the subscription was created, if sent.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>The topic URI, if sent.</summary>
    public string? Uri { get; init; }

    /// <summary>The match policy, if sent.</summary>
    public string? Match { get; init; }
}

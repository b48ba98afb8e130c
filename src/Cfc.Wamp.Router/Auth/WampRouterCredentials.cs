using System.Collections.Concurrent;

namespace Cfc.Wamp.Router;

/// <summary>
/// An in-memory, thread-safe user database for <see cref="WampRouter"/> realms: anonymous access,
/// tickets, WAMP-CRA secrets (optionally salted) and cryptosign public keys. A method is offered when
/// at least one credential of its kind was added (anonymous when <see cref="AllowAnonymous"/> is set).
/// </summary>
public sealed class WampRouterCredentials : IWampRouterAuthenticator
{
    private readonly ConcurrentDictionary<string, WampRouterPrincipal> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WampRouterPrincipal> _wampCra = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WampRouterPrincipal> _cryptosign = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether anonymous clients may join. Default <see langword="false"/>.</summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>The role of anonymous clients. Default <c>anonymous</c>.</summary>
    public string AnonymousRole { get; set; } = "anonymous";

    /// <summary>Adds (or replaces) a ticket user.</summary>
    /// <param name="authId">The user's authid.</param>
    /// <param name="ticket">The ticket the client must present.</param>
    /// <param name="authRole">The role the user gets.</param>
    /// <returns>This instance, for chaining.</returns>
    public WampRouterCredentials AddTicket(string authId, string ticket, string authRole = "user")
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        ArgumentNullException.ThrowIfNull(ticket);
        _tickets[authId] = new WampRouterPrincipal(authId, authRole) { Secret = ticket };
        return this;
    }

    /// <summary>Adds (or replaces) a WAMP-CRA user.</summary>
    /// <param name="authId">The user's authid.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="authRole">The role the user gets.</param>
    /// <param name="salt">The PBKDF2 salt for a salted secret, or <see langword="null"/>.</param>
    /// <param name="iterations">The PBKDF2 iteration count (salted only).</param>
    /// <param name="keyLength">The derived key length in bytes (salted only).</param>
    /// <returns>This instance, for chaining.</returns>
    public WampRouterCredentials AddWampCra(string authId, string secret, string authRole = "user", string? salt = null, int iterations = 1000, int keyLength = 32)
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(keyLength, 1);
        _wampCra[authId] = new WampRouterPrincipal(authId, authRole) { Secret = secret, Salt = salt, Iterations = iterations, KeyLength = keyLength };
        return this;
    }

    /// <summary>Adds (or replaces) a cryptosign user, identified by an Ed25519 public key.</summary>
    /// <param name="publicKeyHex">The public key, 64 hex characters.</param>
    /// <param name="authId">The user's authid (a client may omit it in HELLO; when given it must match).</param>
    /// <param name="authRole">The role the user gets.</param>
    /// <returns>This instance, for chaining.</returns>
    public WampRouterCredentials AddCryptosign(string publicKeyHex, string authId, string authRole = "user")
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        if (!RouterChallenges.IsPublicKeyHex(publicKeyHex))
        {
            throw new ArgumentException("An Ed25519 public key is 64 hex characters.", nameof(publicKeyHex));
        }

        _cryptosign[publicKeyHex] = new WampRouterPrincipal(authId, authRole);
        return this;
    }

    /// <summary>Removes every credential of an authid (all methods).</summary>
    /// <param name="authId">The authid.</param>
    public void Remove(string authId)
    {
        _tickets.TryRemove(authId, out _);
        _wampCra.TryRemove(authId, out _);
        foreach (KeyValuePair<string, WampRouterPrincipal> entry in _cryptosign)
        {
            if (entry.Value.AuthId == authId)
            {
                _cryptosign.TryRemove(entry.Key, out _);
            }
        }
    }

    /// <inheritdoc />
    public bool Supports(string realm, string authMethod) => authMethod switch
    {
        "anonymous" => AllowAnonymous,
        "ticket" => !_tickets.IsEmpty,
        "wampcra" => !_wampCra.IsEmpty,
        "cryptosign" => !_cryptosign.IsEmpty,
        _ => false,
    };

    /// <inheritdoc />
    public ValueTask<WampRouterPrincipal?> FindPrincipalAsync(WampAuthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WampRouterPrincipal? found = request.AuthMethod switch
        {
            "anonymous" when AllowAnonymous => new WampRouterPrincipal(null, AnonymousRole) { AuthProvider = "static" },
            "ticket" => Lookup(_tickets, request.AuthId),
            "wampcra" => Lookup(_wampCra, request.AuthId),
            "cryptosign" => FindByKey(request),
            _ => null,
        };
        return ValueTask.FromResult(found);
    }

    private static WampRouterPrincipal? Lookup(ConcurrentDictionary<string, WampRouterPrincipal> table, string? authId) =>
        authId is not null && table.TryGetValue(authId, out WampRouterPrincipal? p) ? p : null;

    // The key identifies the user; an authid in HELLO is only a claim that must agree with it.
    private WampRouterPrincipal? FindByKey(WampAuthRequest request)
    {
        if (request.PublicKey is null || !_cryptosign.TryGetValue(request.PublicKey, out WampRouterPrincipal? p))
        {
            return null;
        }

        return request.AuthId is null || request.AuthId == p.AuthId ? p : null;
    }
}

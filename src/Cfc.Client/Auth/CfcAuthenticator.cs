using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// How the client authenticates to CFC. CFC itself accepts WAMP-cryptosign only; the other methods are for
/// routers configured differently (and for the in-process fake). <see cref="ToString"/> never shows a secret.
/// </summary>
public sealed class CfcAuthenticator
{
    private readonly Func<WampAuthenticator> _create;

    private CfcAuthenticator(string method, string? authId, Func<WampAuthenticator> create)
    {
        Method = method;
        AuthId = authId;
        _create = create;
    }

    /// <summary>No authentication (<c>anonymous</c>).</summary>
    public static CfcAuthenticator Anonymous { get; } = new("anonymous", null, () => WampAuthenticator.Anonymous);

    /// <summary>The WAMP authentication method: <c>anonymous</c>, <c>ticket</c>, <c>wampcra</c> or <c>cryptosign</c>.</summary>
    public string Method { get; }

    /// <summary>The authid sent in HELLO, or <see langword="null"/> to let the router decide.</summary>
    public string? AuthId { get; }

    /// <summary>Ticket authentication.</summary>
    /// <param name="authId">The authid.</param>
    /// <param name="ticket">The ticket (a secret).</param>
    /// <returns>The authenticator.</returns>
    /// <exception cref="ArgumentException"><paramref name="authId"/> or <paramref name="ticket"/> is empty.</exception>
    public static CfcAuthenticator Ticket(string authId, string ticket)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authId);
        ArgumentException.ThrowIfNullOrEmpty(ticket);
        return new CfcAuthenticator("ticket", authId, () => WampAuthenticator.Ticket(authId, ticket));
    }

    /// <summary>WAMP-CRA (challenge-response) authentication.</summary>
    /// <param name="authId">The authid.</param>
    /// <param name="secret">The shared secret.</param>
    /// <returns>The authenticator.</returns>
    /// <exception cref="ArgumentException"><paramref name="authId"/> or <paramref name="secret"/> is empty.</exception>
    public static CfcAuthenticator WampCra(string authId, string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authId);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return new CfcAuthenticator("wampcra", authId, () => WampAuthenticator.WampCra(authId, secret));
    }

    /// <summary>WAMP-cryptosign (Ed25519) authentication: what CFC uses for users and nodes.</summary>
    /// <param name="key">The key; it stays owned by the caller (dispose it after the client).</param>
    /// <param name="authId">The authid (for CFC users: their email), or <see langword="null"/> to let the router map the key.</param>
    /// <param name="authRole">The role to request, or <see langword="null"/> for the router's default.</param>
    /// <returns>The authenticator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="authId"/> is empty (pass null to omit it).</exception>
    public static CfcAuthenticator Cryptosign(CryptosignKey key, string? authId = null, string? authRole = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (authId is not null && string.IsNullOrWhiteSpace(authId))
        {
            throw new ArgumentException("authId must be null (let the router map the key) or non-empty.", nameof(authId));
        }

        return new CfcAuthenticator("cryptosign", authId, () => WampAuthenticator.Cryptosign(key, authId, authRole));
    }

    /// <summary>
    /// Cryptosign with the activation code a Crossbar.io master sent for a new key (by mail, or into its log when it
    /// cannot mail). Once the code is accepted the key is active and later logins use <see cref="Cryptosign"/>.
    /// </summary>
    /// <param name="key">The user's key.</param>
    /// <param name="authId">The user's email, as in the first login.</param>
    /// <param name="activationCode">The code, e.g. <c>RESF-MQPJ-WPYQ</c>.</param>
    /// <returns>The authenticator.</returns>
    /// <exception cref="ArgumentException"><paramref name="authId"/> or <paramref name="activationCode"/> is empty.</exception>
    public static CfcAuthenticator CryptosignWithActivationCode(CryptosignKey key, string authId, string activationCode)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(authId);
        ArgumentException.ThrowIfNullOrWhiteSpace(activationCode);
        string code = activationCode.Trim();
        return new CfcAuthenticator("cryptosign", authId, () => WampAuthenticator.Cryptosign(key, authId, code, requestNewActivationCode: false));
    }

    /// <summary>Cryptosign that asks a Crossbar.io master for a new activation code (when the pending one was lost or expired).</summary>
    /// <param name="key">The user's key.</param>
    /// <param name="authId">The user's email.</param>
    /// <returns>The authenticator.</returns>
    /// <exception cref="ArgumentException"><paramref name="authId"/> is empty.</exception>
    public static CfcAuthenticator CryptosignRequestingNewActivationCode(CryptosignKey key, string authId)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(authId);
        return new CfcAuthenticator("cryptosign", authId, () => WampAuthenticator.Cryptosign(key, authId, activationCode: null, requestNewActivationCode: true));
    }

    /// <summary>Creates the WAMP core's authenticator.</summary>
    /// <returns>The authenticator.</returns>
    internal WampAuthenticator ToWampAuthenticator() => _create();

    /// <inheritdoc />
    public override string ToString() => AuthId is null ? Method : $"{Method} as {AuthId}";
}

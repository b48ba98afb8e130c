using System.Text.Json;

namespace Cfc.Wamp;

/// <summary>
/// Authenticates a session: contributes to HELLO and answers CHALLENGE. Use the factories
/// (<see cref="Anonymous"/>, <see cref="Ticket"/>, <see cref="WampCra"/>, <see cref="Cryptosign(ICryptosignSigner, string?, string?)"/>) or derive your own.
/// </summary>
public abstract class WampAuthenticator
{
    /// <summary>The method names offered in HELLO.authmethods, most preferred first.</summary>
    public abstract IReadOnlyList<string> AuthMethods { get; }

    /// <summary>The authid sent in HELLO, or <see langword="null"/>.</summary>
    public abstract string? AuthId { get; }

    /// <summary>The authrole asked for in HELLO, or <see langword="null"/>.</summary>
    public virtual string? AuthRole => null;

    /// <summary>Writes HELLO.authextra's properties (e.g. cryptosign's <c>pubkey</c>). Default: nothing.</summary>
    /// <param name="writer">A writer positioned inside the authextra object.</param>
    /// <returns><see langword="true"/> when an authextra object should be sent.</returns>
    public virtual bool WriteAuthExtra(Utf8JsonWriter writer) => false;

    /// <summary>Answers a CHALLENGE.</summary>
    /// <param name="authMethod">The method the router chose.</param>
    /// <param name="extra">The challenge data.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>The signature (and extra) for AUTHENTICATE.</returns>
    /// <exception cref="WampException">The challenge cannot be answered (unknown method, malformed challenge).</exception>
    public abstract ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken);

    /// <summary>No authentication (<c>anonymous</c>).</summary>
    public static WampAuthenticator Anonymous => Auth.AnonymousAuthenticator.Instance;

    /// <summary>Ticket authentication: the ticket is sent as is (use TLS).</summary>
    /// <param name="authId">The authid.</param>
    /// <param name="ticket">The ticket (a shared secret or token).</param>
    /// <returns>The authenticator.</returns>
    public static WampAuthenticator Ticket(string authId, string ticket) => new Auth.TicketAuthenticator(authId, ticket);

    /// <summary>WAMP-CRA: HMAC-SHA256 over the router's challenge, with the salted key derivation when the router asks for it.</summary>
    /// <param name="authId">The authid.</param>
    /// <param name="secret">The shared secret.</param>
    /// <returns>The authenticator.</returns>
    public static WampAuthenticator WampCra(string authId, string secret) => new Auth.WampCraAuthenticator(authId, secret);

    /// <summary>WAMP-cryptosign (Ed25519). HELLO always carries <c>authextra.pubkey</c>; no channel binding is used.</summary>
    /// <param name="signer">The Ed25519 key that signs challenges.</param>
    /// <param name="authId">The authid, or <see langword="null"/> to let the router map the key.</param>
    /// <param name="authRole">The role asked for, or <see langword="null"/>.</param>
    /// <returns>The authenticator.</returns>
    public static WampAuthenticator Cryptosign(ICryptosignSigner signer, string? authId = null, string? authRole = null) => new Auth.CryptosignAuthenticator(signer, authId, authRole);

    /// <summary>
    /// WAMP-cryptosign that also takes part in a Crossbar.io master's activation flow: HELLO's authextra carries
    /// <c>activation_code</c> and/or <c>request_new_activation_code: true</c>.
    /// </summary>
    /// <param name="signer">Signs the challenge.</param>
    /// <param name="authId">The authid (the user's email on a Crossbar.io master).</param>
    /// <param name="activationCode">The activation code the master sent, or <see langword="null"/>.</param>
    /// <param name="requestNewActivationCode">Whether to ask the master for a new code.</param>
    /// <param name="authRole">The role to request, or <see langword="null"/>.</param>
    /// <returns>The authenticator.</returns>
    public static WampAuthenticator Cryptosign(ICryptosignSigner signer, string? authId, string? activationCode, bool requestNewActivationCode, string? authRole = null) =>
        new Auth.CryptosignAuthenticator(signer, authId, authRole) { ActivationCode = activationCode, RequestNewActivationCode = requestNewActivationCode };
}

/// <summary>An answer to a CHALLENGE.</summary>
/// <param name="Signature">The AUTHENTICATE signature.</param>
/// <param name="Extra">The AUTHENTICATE extra dictionary, or <see langword="null"/> for <c>{}</c>.</param>
public sealed record WampAuthenticateResponse(string Signature, JsonElement? Extra = null);

/// <summary>An Ed25519 key that can sign cryptosign challenges. The secret never leaves the implementation.</summary>
public interface ICryptosignSigner
{
    /// <summary>The 32-byte public key.</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>Signs a message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The 64-byte Ed25519 signature.</returns>
    byte[] Sign(ReadOnlySpan<byte> message);
}

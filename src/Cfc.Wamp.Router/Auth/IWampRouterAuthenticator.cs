namespace Cfc.Wamp.Router;

/// <summary>
/// Decides who may join a realm of a <see cref="WampRouter"/>. The router runs the WAMP authentication
/// protocols (anonymous, ticket, wampcra, cryptosign) itself, challenges and verifies signatures for real;
/// the authenticator only says which methods a realm offers and who a principal is. Plug in your own
/// user database by implementing this interface; <see cref="WampRouterCredentials"/> is an in-memory one.
/// </summary>
public interface IWampRouterAuthenticator
{
    /// <summary>Whether the realm offers an authentication method. The router walks the client's
    /// <c>authmethods</c> in order and uses the first one offered; when none is, it aborts with
    /// <c>wamp.error.no_auth_method</c>.</summary>
    /// <param name="realm">The realm the client asks to join.</param>
    /// <param name="authMethod">One of <c>anonymous</c>, <c>ticket</c>, <c>wampcra</c>, <c>cryptosign</c>.</param>
    /// <returns><see langword="true"/> when the method may be used.</returns>
    bool Supports(string realm, string authMethod);

    /// <summary>Finds the principal a client claims to be. The router then checks the proof (the ticket, the
    /// WAMP-CRA signature with <see cref="WampRouterPrincipal.Secret"/>, or the cryptosign signature made with
    /// <see cref="WampAuthRequest.PublicKey"/>).</summary>
    /// <param name="request">What the client said in HELLO.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The principal, or <see langword="null"/> to refuse (ABORT <c>wamp.error.not_authorized</c>). To refuse with
    /// another ABORT reason, throw a <see cref="Cfc.Wamp.WampException"/>: its <c>ErrorUri</c> becomes the reason and its message the
    /// ABORT's <c>message</c>.</returns>
    ValueTask<WampRouterPrincipal?> FindPrincipalAsync(WampAuthRequest request, CancellationToken cancellationToken);
}

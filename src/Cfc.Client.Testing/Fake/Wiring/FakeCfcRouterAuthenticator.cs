using Cfc.Wamp.Router;

namespace Cfc.Client.Testing;

/// <summary>
/// The router's authenticator on every realm of the fake: cryptosign only, as on CFC. The router challenges and verifies
/// the signature for real; <see cref="FakeCfcAuthenticatorPolicy"/> says who the key is (a user, a paired node) and which
/// role it gets on the realm. Refusals become ABORT <c>wamp.error.not_authorized</c>.
/// </summary>
internal sealed class FakeCfcRouterAuthenticator(FakeCfcAuthenticatorPolicy policy) : IWampRouterAuthenticator
{
    public bool Supports(string realm, string authMethod) => authMethod == "cryptosign";

    public ValueTask<WampRouterPrincipal?> FindPrincipalAsync(WampAuthRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        FakeAuthDecision decision = policy.Decide(request.Realm, request.AuthId, request.AuthRole, request.PublicKey, request.AuthExtra);
        if (decision.ErrorUri is { } uri && uri.StartsWith(FakeCfcAuthenticatorPolicy.AuthFailedPrefix, StringComparison.Ordinal))
        {
            throw FakeErrors.Error(uri, decision.Message!);
        }

        WampRouterPrincipal? principal = decision.IsAccepted && decision.Realm == request.Realm
            ? new WampRouterPrincipal(decision.AuthId, decision.AuthRole!) { AuthProvider = "dynamic", AuthExtra = decision.AuthExtra }
            : null;
        return ValueTask.FromResult(principal);
    }
}

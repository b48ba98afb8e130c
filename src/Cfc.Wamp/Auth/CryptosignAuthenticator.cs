using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>Placeholder until the authenticator lands.</summary>
internal sealed class CryptosignAuthenticator(ICryptosignSigner signer, string? authId, string? authRole) : WampAuthenticator
{
    public override IReadOnlyList<string> AuthMethods => throw new NotSupportedException(signer.ToString());

    public override string? AuthId => authId;

    public override string? AuthRole => authRole;

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken) => throw new NotSupportedException();
}

using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>Placeholder until the authenticator lands.</summary>
internal sealed class WampCraAuthenticator(string authId, string ticketOrSecret) : WampAuthenticator
{
    public override IReadOnlyList<string> AuthMethods => throw new NotSupportedException();

    public override string? AuthId => authId;

    public override string ToString() => $"{authId}:{(ticketOrSecret.Length > 0 ? "***" : string.Empty)}";

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken) => throw new NotSupportedException();
}

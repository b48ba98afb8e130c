using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>Ticket authentication: the CHALLENGE is answered with the ticket itself (only ever use it over TLS).</summary>
internal sealed class TicketAuthenticator : WampAuthenticator
{
    private static readonly string[] Methods = ["ticket"];

    private readonly string _authId;
    private readonly string _ticket;

    public TicketAuthenticator(string authId, string ticket)
    {
        ArgumentException.ThrowIfNullOrEmpty(authId);
        ArgumentNullException.ThrowIfNull(ticket);
        _authId = authId;
        _ticket = ticket;
    }

    public override IReadOnlyList<string> AuthMethods => Methods;

    public override string? AuthId => _authId;

    // The ticket is a secret: logs and debuggers see only who authenticates.
    public override string ToString() => $"ticket authenticator for '{_authId}'";

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken)
    {
        if (authMethod != "ticket")
        {
            throw new WampException("wamp.error.cannot_authenticate", $"The router sent a '{ServerText.Sanitize(authMethod, 64)}' challenge, but the client offered only 'ticket'.");
        }

        return ValueTask.FromResult(new WampAuthenticateResponse(_ticket));
    }
}

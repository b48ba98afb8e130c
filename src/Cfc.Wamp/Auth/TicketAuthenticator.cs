using System.Text.Json;

namespace Cfc.Wamp.Auth;

/// <summary>Ticket authentication: the CHALLENGE is answered with the ticket itself (only ever use it over TLS).</summary>
internal sealed class TicketAuthenticator(string authId, string ticket) : SharedSecretAuthenticator("ticket", authId, ticket)
{
    protected override ValueTask<WampAuthenticateResponse> AnswerAsync(JsonElement extra, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new WampAuthenticateResponse(Secret));
}

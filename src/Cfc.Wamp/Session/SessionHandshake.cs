using Cfc.Wamp.Messages;
using Cfc.Wamp.Serialization;

namespace Cfc.Wamp.Session;

/// <summary>
/// HELLO, then CHALLENGE/AUTHENTICATE rounds until WELCOME or ABORT. Runs before the reader loop starts,
/// reading the transport directly. Anything else the router sends is a protocol violation.
/// </summary>
internal static class SessionHandshake
{
    public static async Task<WelcomeMessage> RunAsync(WampSession session, CancellationToken cancellationToken)
    {
        WampClientOptions options = session.Options;
        WampAuthenticator authenticator = options.Authenticator;
        await session.Writer.SendAsync(new HelloMessage(options.Realm!, HelloDetails.Build(options.Agent, authenticator)), cancellationToken).ConfigureAwait(false);

        IWampMessageSerializer serializer = session.Transport.Serializer;
        using var buffer = new PooledBufferWriter(4096);
        int rounds = 0;
        while (true)
        {
            buffer.Clear();
            if (!await session.Transport.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                throw new WampConnectionLostException($"The router at {options.Url} closed the connection during the handshake (realm '{options.Realm}').");
            }

            WampMessage message;
            try
            {
                message = serializer.Deserialize(buffer.WrittenSpan);
            }
            catch (Exception ex)
            {
                throw await ViolationAsync(session, $"an undecodable message ({ServerText.Sanitize(ex.Message)})", ex).ConfigureAwait(false);
            }

            switch (message)
            {
                case WelcomeMessage welcome:
                    if (WampSession.StringOrNull(welcome.Details, "realm") is { } realm && !string.Equals(realm, options.Realm, StringComparison.Ordinal))
                    {
                        // A session on another realm than asked for would run every call against the wrong realm.
                        throw await ViolationAsync(session, $"WELCOME for the realm '{ServerText.Sanitize(realm, 128)}', but the client asked to join '{options.Realm}'", null).ConfigureAwait(false);
                    }

                    return welcome;
                case AbortMessage abort:
                    string text = WampSession.ServerStringOrNull(abort.Details, "message") ?? WampException.DescribeError(abort.Reason, abort.Payload);
                    string refusal = $"The router at {options.Url} refused the session on realm '{options.Realm}': {ServerText.Sanitize(abort.Reason)}: {text}";
                    if (IsTryAgainLater(abort.Reason))
                    {
                        // Not a refusal of these credentials: the router is going down. The reconnect policy retries it.
                        throw new WampException(abort.Reason, refusal + " (the router is shutting down; try again later)", abort.Payload, abort.Details);
                    }

                    throw new WampAuthenticationException(abort.Reason, refusal, abort.Payload, abort.Details);
                case ChallengeMessage challenge:
                    if (++rounds > WampClientOptions.MaxChallengeRounds)
                    {
                        throw await ViolationAsync(session, $"more than {WampClientOptions.MaxChallengeRounds} CHALLENGE messages in one handshake (WampClientOptions.MaxChallengeRounds)", null).ConfigureAwait(false);
                    }

                    WampAuthenticateResponse response = await AnswerAsync(session, challenge, cancellationToken).ConfigureAwait(false);
                    await session.Writer.SendAsync(new AuthenticateMessage(response.Signature, response.Extra ?? WampJson.EmptyObject), cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw await ViolationAsync(session, $"{message.Type.ToString().ToUpperInvariant()} before WELCOME", null).ConfigureAwait(false);
            }
        }
    }

    /// <summary>ABORT reasons during the handshake that mean "try again later", not "you may not": retried by the reconnect policy.</summary>
    internal static bool IsTryAgainLater(string reason) => reason is "wamp.close.system_shutdown" or "wamp.error.system_shutdown";

    private static async Task<WampAuthenticateResponse> AnswerAsync(WampSession session, ChallengeMessage challenge, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Options.Authenticator.AuthenticateAsync(challenge.AuthMethod, challenge.Extra, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Like autobahn: tell the router we give up, then report why.
            await SendQuietlyAsync(session, new AbortMessage(
                WampJson.BuildObject(w => w.WriteString("message", ServerText.Sanitize(ex.Message))), "wamp.error.cannot_authenticate", default)).ConfigureAwait(false);
            throw new WampAuthenticationException(
                ex is WampException wamp ? wamp.ErrorUri : "wamp.error.cannot_authenticate",
                $"Could not answer the router's '{ServerText.Sanitize(challenge.AuthMethod, 64)}' challenge (router {session.Options.Url}, realm '{session.Options.Realm}'): {ServerText.Sanitize(ex.Message)}");
        }
    }

    private static async Task<WampProtocolViolationException> ViolationAsync(WampSession session, string what, Exception? cause)
    {
        string message = $"The router at {session.Options.Url} broke the WAMP protocol during the handshake (realm '{session.Options.Realm}'): it sent {what}";
        await SendQuietlyAsync(session, new AbortMessage(
            WampJson.BuildObject(w => w.WriteString("message", message)), WampProtocolViolationException.Uri, default)).ConfigureAwait(false);
        return new WampProtocolViolationException(message + ".", cause);
    }

    private static async Task SendQuietlyAsync(WampSession session, WampMessage message)
    {
        try
        {
            await session.Writer.SendAsync(message, CancellationToken.None).WaitAsync(session.CloseGrace, session.TimeProvider).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            session.Logger.SendFailed(message.Type, ex);
        }
    }
}

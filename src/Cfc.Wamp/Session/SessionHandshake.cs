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

        IWampMessageSerializer serializer = session.Serializer;
        using var buffer = new PooledBufferWriter(4096);
        int rounds = 0;
        while (true)
        {
            buffer.Clear();
            if (!await session.Transport.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false))
            {
                throw WampErrors.ClosedDuringHandshake(WampErrorContext.Of(options));
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
                    // A shutting-down router is not a refusal of these credentials: the reconnect policy retries it.
                    throw WampErrors.Refused(abort, text, IsTryAgainLater(abort.Reason), WampErrorContext.Of(options));
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
    internal static bool IsTryAgainLater(string reason) => reason is WampErrorUris.CloseSystemShutdown or WampErrorUris.SystemShutdown;

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
                WampJson.BuildObject(w => w.WriteString("message", ServerText.Sanitize(ex.Message))), WampErrorUris.CannotAuthenticate, default)).ConfigureAwait(false);
            throw WampErrors.CannotAnswerChallenge(challenge.AuthMethod, ex, WampErrorContext.Of(session.Options));
        }
    }

    private static async Task<WampProtocolViolationException> ViolationAsync(WampSession session, string what, Exception? cause)
    {
        string message = WampErrors.Violation(what, duringHandshake: true, WampErrorContext.Of(session.Options));
        await SendQuietlyAsync(session, new AbortMessage(
            WampJson.BuildObject(w => w.WriteString("message", message)), WampProtocolViolationException.Uri, default)).ConfigureAwait(false);
        return WampErrors.HandshakeViolation(message, cause);
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

using System.Globalization;
using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp;

/// <summary>
/// The one place the WAMP core builds its exceptions. Each message says what happened, where
/// (<see cref="WampErrorContext"/>: router, realm, session), what the router said (neutralised by
/// <see cref="ServerText"/>) and, where the client can tell, what to do. <see cref="WampException.ErrorSource"/> is set
/// here (router or client), <see cref="WampConnectionLostException.EndReason"/> too, and every exception links to its
/// section of <c>docs/errors.md</c> (<see cref="Exception.HelpLink"/>, by <see cref="WampErrorHelp"/>).
/// Transport-level failures (sizes, broken sockets, refused connects) are built by <c>TransportErrors</c> beside this file.
/// </summary>
internal static class WampErrors
{
    // ---- Errors the router sent ----

    /// <summary>The ERROR the router sent in answer to a request (the callee's, for a call).</summary>
    public static WampException FromRouter(ErrorMessage error) =>
        new(error.ErrorUri, null, error.Payload, error.Details) { ErrorSource = WampErrorSource.Router };

    /// <summary>The router revoked a subscription or a registration (UNSUBSCRIBED/UNREGISTERED with request id 0).</summary>
    public static WampException Revoked(bool subscription, string uri, long routerId, string reason, JsonElement details, WampErrorContext context) =>
        new(subscription ? WampErrorUris.SubscriptionRevoked : WampErrorUris.RegistrationRevoked,
            subscription
                ? $"The router revoked the subscription to '{uri}' (subscription {routerId}; {context}): {reason}. Subscribe again if you still need its events."
                : $"The router revoked the registration of '{uri}' (registration {routerId}; {context}): {reason}. Register again if you still serve it.",
            default,
            details)
        { ErrorSource = WampErrorSource.Router };

    // ---- Opening a session ----

    /// <summary>The router closed the connection before WELCOME.</summary>
    public static WampConnectionLostException ClosedDuringHandshake(WampErrorContext context) =>
        new($"The router closed the connection during the handshake ({context}). Check the realm and that the address is a WAMP endpoint.",
            WampConnectionEndReason.TransportFailed);

    /// <summary>
    /// The router answered HELLO with ABORT: a refusal of these credentials or this realm
    /// (<see cref="WampAuthenticationException"/>), or, for a shutting-down router, a plain <see cref="WampException"/> the
    /// reconnect policy retries.
    /// </summary>
    public static WampException Refused(AbortMessage abort, string text, bool tryAgainLater, WampErrorContext context)
    {
        string refusal = $"The router refused the session ({context}): {ServerText.Sanitize(abort.Reason)}: {text}";
        return tryAgainLater
            ? new WampException(abort.Reason, refusal + " (the router is shutting down; try again later)", abort.Payload, abort.Details) { ErrorSource = WampErrorSource.Router }
            : new WampAuthenticationException(abort.Reason, $"{refusal}. {AdviceForRefusal(abort.Reason)}", abort.Payload, abort.Details) { ErrorSource = WampErrorSource.Router };
    }

    /// <summary>The client could not answer the router's CHALLENGE (it sent ABORT <c>wamp.error.cannot_authenticate</c>).</summary>
    public static WampAuthenticationException CannotAnswerChallenge(string authMethod, Exception cause, WampErrorContext context) =>
        new(cause is WampException wamp ? wamp.ErrorUri : WampErrorUris.CannotAuthenticate,
            $"Could not answer the router's '{ServerText.Sanitize(authMethod, 64)}' challenge ({context}): {ServerText.Sanitize(cause.Message)}");

    /// <summary>An authenticator cannot answer a CHALLENGE (wrong method, unusable challenge).</summary>
    public static WampException CannotAuthenticate(string message) => new(WampErrorUris.CannotAuthenticate, message);

    /// <summary>The authenticator was asked for another method than the one it speaks.</summary>
    public static WampException WrongChallenge(string authMethod, string offered) =>
        CannotAuthenticate($"The router sent a '{ServerText.Sanitize(authMethod, 64)}' challenge, but the client offered only '{offered}'.");

    /// <summary>Connecting did not finish within <see cref="WampConnectionOptions.ConnectTimeout"/>.</summary>
    public static WampTimeoutException ConnectTimedOut(TimeSpan connectTimeout, bool transportOpened, WampErrorContext context) =>
        new($"Connecting ({context}) did not complete within the connect timeout of {Seconds(connectTimeout)} s " +
            (transportOpened ? "(the router did not answer HELLO with WELCOME)." : "(the transport did not open).") +
            " Check that the router is reachable, or raise WampClientOptions.ConnectTimeout.");

    /// <summary>The first connect failed or was cancelled, for a cause that is not a <see cref="WampException"/>.</summary>
    public static WampConnectionLostException ConnectFailed(bool cancelled, Exception cause, WampErrorContext context) =>
        new($"Connecting ({context}) {(cancelled ? "was cancelled" : "failed")}: {cause.Message}",
            cancelled ? WampConnectionEndReason.ClosedByClient : WampConnectionEndReason.TransportFailed, null, cause);

    // ---- Protocol violations ----

    /// <summary>The description of a router's violation (what it sent); it goes into the ABORT and the exception.</summary>
    public static string Violation(string what, bool duringHandshake, WampErrorContext context) =>
        $"The router broke the WAMP protocol{(duringHandshake ? " during the handshake" : string.Empty)} ({context}): it sent {what}";

    /// <summary>The router broke the protocol during the handshake.</summary>
    public static WampProtocolViolationException HandshakeViolation(string description, Exception? cause) => new(description + ".", cause);

    // ---- Requests ----

    /// <summary>A request got no answer within <see cref="WampConnectionOptions.RequestTimeout"/>.</summary>
    public static WampTimeoutException RequestTimedOut(string what, TimeSpan timeout, WampErrorContext context) =>
        new($"{what} got no answer within {Seconds(timeout)} s ({context}). The router may be overloaded or the connection stalled; raise WampClientOptions.RequestTimeout if it is only slow.");

    /// <summary>A call got no result within its timeout.</summary>
    public static WampTimeoutException CallTimedOut(string procedure, TimeSpan timeout, int othersWaiting, string cancelOutcome, WampErrorContext context) =>
        new($"The call to '{procedure}' got no result within {Seconds(timeout)} s ({context}, {othersWaiting} other call(s) waiting); {cancelOutcome}");

    /// <summary>The session ended under pending requests: what each of them fails with.</summary>
    public static WampException PendingAbandoned(WampConnectionEndReason reason, string description, int waiting, string? closeReasonUri, Exception? cause, WampErrorContext context)
    {
        string pending = $"{waiting} request(s) were pending";
        return reason == WampConnectionEndReason.ProtocolViolation
            ? new WampProtocolViolationException($"{description}; the session was aborted and {pending}.", cause)
            : new WampConnectionLostException($"The connection ({context}) ended: {description}; {pending}.", reason, closeReasonUri, cause);
    }

    /// <summary>A subscription or registration could not be made again on a new session.</summary>
    public static WampException NotRestored(string what, WampException cause) =>
        new(WampErrorUris.NotRestored, $"{what} could not be restored on the new session: {cause.Message}", cause.Payload, cause.Details, cause)
        { ErrorSource = cause.ErrorSource };

    /// <summary>A subscription dropped by an UNSUBSCRIBE that raced its restore could not be made again.</summary>
    public static WampException LostToConcurrentRemove(string what, Exception cause) =>
        new(WampErrorUris.NotRestored, $"{char.ToUpperInvariant(what[0])}{what[1..]} was lost to a concurrent unsubscribe or unregister and could not be made again: {cause.Message}", default, null, cause);

    // ---- The connection's lifecycle ----

    /// <summary>The session ended while the client was still setting it up (restoring subscriptions and registrations).</summary>
    public static WampConnectionLostException NoSession(string what, Exception? cause, WampErrorContext context) =>
        new($"No session ({context}): {what}.", WampConnectionEndReason.TransportFailed, null, cause);

    /// <summary>Work was not sent because the client is not connected.</summary>
    public static WampConnectionLostException NotConnected(string what, WampConnectionState state, Exception? lastError, WampErrorContext context) =>
        new($"{Capitalize(what)} was not sent: not connected ({context}, state {state})" +
            (lastError is null ? "." : $"; the last error: {lastError.Message}"),
            WampConnectionEndReason.NotConnected, null, lastError);

    /// <summary>Work waited longer than <see cref="WampReconnectOptions.QueueTimeout"/> for a session.</summary>
    public static WampTimeoutException QueueTimedOut(string what, TimeSpan queueTimeout, int attempt, Exception? lastError, WampErrorContext context) =>
        new($"{Capitalize(what)} waited {Seconds(queueTimeout)} s (QueueTimeout) for a session while the client is reconnecting ({context}, attempt {attempt}); it was not sent." +
            (lastError is { } last ? $" The last error: {last.Message}" : string.Empty));

    /// <summary>The client was closed while a connect was still running.</summary>
    public static WampConnectionLostException ClosedWhileConnecting(WampErrorContext context) =>
        new($"The client was closed while connecting ({context}).", WampConnectionEndReason.ClosedByClient);

    /// <summary>The reconnect policy stopped: the router refused authentication, or the attempts ran out.</summary>
    public static WampConnectionLostException GaveUp(Exception failure, int attempts, WampErrorContext context) =>
        failure is WampAuthenticationException
            ? new($"Reconnecting ({context}) failed: the router refused authentication ({failure.Message}); the client will not retry. Fix the credentials and connect again.",
                WampConnectionEndReason.ReconnectGaveUp, null, failure)
            : new($"Gave up reconnecting ({context}) after {attempts} attempt(s): {failure.Message}. Connect again when the router is back, or allow more attempts (WampReconnectOptions).",
                WampConnectionEndReason.ReconnectGaveUp, null, failure);

    /// <summary>What a joined session's end is reported as (to the state observers and to queued work).</summary>
    public static WampException SessionEnded(WampConnectionEndReason reason, string description, string? closeReasonUri, Exception? cause, WampErrorContext context) => reason switch
    {
        WampConnectionEndReason.ProtocolViolation => new WampProtocolViolationException(description, cause),
        WampConnectionEndReason.GoodbyeFromRouter or WampConnectionEndReason.AbortedByRouter => new WampException(
            closeReasonUri ?? WampErrorUris.CloseNormal, $"The router ended the session ({context}): {description}.") { ErrorSource = WampErrorSource.Router },
        _ => new WampConnectionLostException($"The session ({context}) ended: {description}.", reason, closeReasonUri, cause),
    };

    /// <summary>
    /// The failure every subscription and registration ends with when no new session will come: a lost connection
    /// as it is, anything else (a router's GOODBYE or ABORT) wrapped with the reason.
    /// </summary>
    public static WampException EndedForGood(Exception error, WampConnectionEndReason reason, string? closeReasonUri) => error switch
    {
        WampConnectionLostException or WampProtocolViolationException => (WampException)error,
        _ => new WampConnectionLostException(error.Message, reason, closeReasonUri, error),
    };

    // ---- Transport keep-alive ----

    /// <summary>The RawSocket keep-alive got no PONG in time (or could not even send its PING).</summary>
    public static WampConnectionLostException KeepAliveTimedOut(TimeSpan timeout, bool pingSent) =>
        new(pingSent
                ? $"The peer did not answer a RawSocket PING within {Seconds(timeout)} s; the connection is considered dead."
                : $"The peer took no data for {Seconds(timeout)} s (a write is stuck, so the keep-alive PING could not even be sent); the connection is considered dead.",
            WampConnectionEndReason.KeepAliveTimeout);

    // ---- Redirects of the WebSocket upgrade ----

    /// <summary>A redirect of the WebSocket upgrade that is not followed (or has no usable Location).</summary>
    public static WampConnectionLostException RedirectRefused(string description, Exception cause) =>
        new(description, WampConnectionEndReason.TransportFailed, null, cause);

    private static string AdviceForRefusal(string reason) => reason switch
    {
        WampErrorUris.NoSuchRealm => "Check WampClientOptions.Realm: the router has no such realm",
        WampErrorUris.NoAuthMethod => "The router allows none of the offered authentication methods on this realm; use another authenticator",
        _ => "Check the credentials and the realm; reconnecting with the same ones will not help",
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Capitalize(string what) => what.Length > 0 && char.IsLower(what[0]) ? char.ToUpperInvariant(what[0]) + what[1..] : what;
}

namespace Cfc.Wamp;

/// <summary>
/// The WAMP error and close URIs the SDK sends, receives or raises, as constants: compare
/// <see cref="WampException.ErrorUri"/> with these instead of string literals. Each has a section in the SDK's
/// <c>docs/errors.md</c> (the exception's <see cref="Exception.HelpLink"/> points there).
/// </summary>
public static class WampErrorUris
{
    // Close and abort reasons (WAMP spec, "Predefined URIs").

    /// <summary><c>wamp.close.normal</c>: the default GOODBYE reason of a session closed on purpose.</summary>
    public const string CloseNormal = "wamp.close.normal";

    /// <summary><c>wamp.close.goodbye_and_out</c>: the reply to a GOODBYE.</summary>
    public const string GoodbyeAndOut = "wamp.close.goodbye_and_out";

    /// <summary><c>wamp.close.system_shutdown</c>: the router is shutting down (a restarting router says this; the client reconnects).</summary>
    public const string CloseSystemShutdown = "wamp.close.system_shutdown";

    /// <summary><c>wamp.error.system_shutdown</c>: the ABORT spelling some routers use for <see cref="CloseSystemShutdown"/>.</summary>
    public const string SystemShutdown = "wamp.error.system_shutdown";

    /// <summary><c>wamp.error.protocol_violation</c>: a peer broke the protocol; the session is aborted.</summary>
    public const string ProtocolViolation = "wamp.error.protocol_violation";

    // Session open.

    /// <summary><c>wamp.error.no_such_realm</c>: the router has no such realm.</summary>
    public const string NoSuchRealm = "wamp.error.no_such_realm";

    /// <summary><c>wamp.error.no_auth_method</c>: none of the offered authentication methods is allowed.</summary>
    public const string NoAuthMethod = "wamp.error.no_auth_method";

    /// <summary><c>wamp.error.not_authorized</c>: the router refused the session or the action.</summary>
    public const string NotAuthorized = "wamp.error.not_authorized";

    /// <summary><c>wamp.error.authorization_failed</c>: the router could not decide authorization (its authorizer failed).</summary>
    public const string AuthorizationFailed = "wamp.error.authorization_failed";

    /// <summary><c>wamp.error.authentication_failed</c>: the credentials were refused.</summary>
    public const string AuthenticationFailed = "wamp.error.authentication_failed";

    /// <summary><c>wamp.error.cannot_authenticate</c>: the client could not answer the router's CHALLENGE.</summary>
    public const string CannotAuthenticate = "wamp.error.cannot_authenticate";

    // Interaction (ERROR to a request).

    /// <summary><c>wamp.error.invalid_uri</c>: a procedure or topic URI is not valid.</summary>
    public const string InvalidUri = "wamp.error.invalid_uri";

    /// <summary><c>wamp.error.no_such_procedure</c>: no callee has registered the procedure.</summary>
    public const string NoSuchProcedure = "wamp.error.no_such_procedure";

    /// <summary><c>wamp.error.procedure_already_exists</c>: the procedure is registered already (single registration).</summary>
    public const string ProcedureAlreadyExists = "wamp.error.procedure_already_exists";

    /// <summary><c>wamp.error.no_such_registration</c>: no registration with that id.</summary>
    public const string NoSuchRegistration = "wamp.error.no_such_registration";

    /// <summary><c>wamp.error.no_such_subscription</c>: no subscription with that id.</summary>
    public const string NoSuchSubscription = "wamp.error.no_such_subscription";

    /// <summary><c>wamp.error.no_such_session</c>: no session with that id (meta API).</summary>
    public const string NoSuchSession = "wamp.error.no_such_session";

    /// <summary><c>wamp.error.invalid_argument</c>: an argument was refused.</summary>
    public const string InvalidArgument = "wamp.error.invalid_argument";

    /// <summary><c>wamp.error.type_check_error</c>: an argument has the wrong type.</summary>
    public const string TypeCheckError = "wamp.error.type_check_error";

    /// <summary><c>wamp.error.runtime_error</c>: the callee failed (autobahn's default for an exception without a URI).</summary>
    public const string RuntimeError = "wamp.error.runtime_error";

    /// <summary><c>wamp.error.canceled</c>: the call was cancelled (by the caller, or the callee went away).</summary>
    public const string Canceled = "wamp.error.canceled";

    /// <summary><c>wamp.error.timeout</c>: no answer in time (the dealer's call timeout, or the client's request timeout).</summary>
    public const string Timeout = "wamp.error.timeout";

    /// <summary><c>wamp.error.unavailable</c>: the callee refused the INVOCATION (its concurrency limit is reached).</summary>
    public const string Unavailable = "wamp.error.unavailable";

    /// <summary><c>wamp.error.payload_size_exceeded</c>: a message is larger than the limit; it was not sent (or the connection was closed).</summary>
    public const string PayloadSizeExceeded = "wamp.error.payload_size_exceeded";

    // This client's own URIs, for failures that have no WAMP URI.

    /// <summary><c>cfc.wamp.error.connection_lost</c>: the connection or session ended while the work was pending (<see cref="WampConnectionLostException"/>).</summary>
    public const string ConnectionLost = "cfc.wamp.error.connection_lost";

    /// <summary><c>cfc.wamp.error.subscription_revoked</c>: the router revoked a subscription (UNSUBSCRIBED with request id 0).</summary>
    public const string SubscriptionRevoked = "cfc.wamp.error.subscription_revoked";

    /// <summary><c>cfc.wamp.error.registration_revoked</c>: the router revoked a registration (UNREGISTERED with request id 0).</summary>
    public const string RegistrationRevoked = "cfc.wamp.error.registration_revoked";

    /// <summary><c>cfc.wamp.error.not_restored</c>: a subscription or registration could not be made again on a new session.</summary>
    public const string NotRestored = "cfc.wamp.error.not_restored";

    /// <summary><c>cfc.wamp.error.rawsocket_refused</c>: the RawSocket handshake was refused (error codes 1-4).</summary>
    public const string RawSocketRefused = "cfc.wamp.error.rawsocket_refused";
}

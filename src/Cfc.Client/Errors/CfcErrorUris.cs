namespace Cfc.Client;

/// <summary>
/// The CFC and Crossbar.io error URIs the typed API interprets or raises, as constants (the WAMP ones are
/// <see cref="Cfc.Wamp.WampErrorUris"/>). Compare <see cref="CfcException.ErrorUri"/> with these instead of string literals;
/// <c>docs/errors.md</c> says which exception type each one becomes.
/// </summary>
public static class CfcErrorUris
{
    // Raised by this client (never sent by a server).

    /// <summary><c>cfc.error.invalid_result</c>: a result cannot be what the API documents (<see cref="CfcProtocolException"/>).</summary>
    public const string InvalidResult = "cfc.error.invalid_result";

    /// <summary><c>cfc.error.subscription_lost</c>: an event subscription ended for a reason that carries no WAMP error URI.</summary>
    public const string SubscriptionLost = "cfc.error.subscription_lost";

    /// <summary><c>cfc.error.not_supported</c>: the server's API has no counterpart for the member (<see cref="CfcNotSupportedException"/>).</summary>
    public const string NotSupported = "cfc.error.not_supported";

    // Crossbar.io (node management API).

    /// <summary><c>crossbar.error.no_such_object</c>: the object does not exist (<see cref="CfcNotFoundException"/>).</summary>
    public const string NoSuchObject = "crossbar.error.no_such_object";

    /// <summary><c>crossbar.error.no_such_worker</c>: the node has no such worker (<see cref="CfcNotFoundException"/>).</summary>
    public const string NoSuchWorker = "crossbar.error.no_such_worker";

    /// <summary><c>crossbar.error.already_exists</c> (<see cref="CfcAlreadyExistsException"/>).</summary>
    public const string AlreadyExists = "crossbar.error.already_exists";

    /// <summary><c>crossbar.error.already_running</c> (<see cref="CfcAlreadyExistsException"/>).</summary>
    public const string AlreadyRunning = "crossbar.error.already_running";

    /// <summary><c>crossbar.error.worker_already_running</c> (<see cref="CfcAlreadyExistsException"/>).</summary>
    public const string WorkerAlreadyRunning = "crossbar.error.worker_already_running";

    /// <summary><c>crossbar.error.invalid_argument</c> (<see cref="CfcInvalidArgumentException"/>).</summary>
    public const string CrossbarInvalidArgument = "crossbar.error.invalid_argument";

    /// <summary><c>crossbar.error.invalid_configuration</c> (<see cref="CfcInvalidArgumentException"/>).</summary>
    public const string InvalidConfiguration = "crossbar.error.invalid_configuration";

    /// <summary><c>crossbar.error.feature_unavailable</c>: the node lacks the feature, e.g. Docker on its host.</summary>
    public const string FeatureUnavailable = "crossbar.error.feature_unavailable";

    // Crossbar.io Fabric Center.

    /// <summary><c>fabric.no-such-realm</c> (<see cref="CfcNotFoundException"/>).</summary>
    public const string NoSuchRealm = "fabric.no-such-realm";

    /// <summary><c>fabric.node-not-paired</c> (<see cref="CfcNotFoundException"/>).</summary>
    public const string NodeNotPaired = "fabric.node-not-paired";

    /// <summary><c>fabric.node-not-exist</c> (<see cref="CfcNotFoundException"/>).</summary>
    public const string NodeNotExist = "fabric.node-not-exist";

    /// <summary><c>fabric.node-already-paired</c> (<see cref="CfcAlreadyExistsException"/>).</summary>
    public const string NodeAlreadyPaired = "fabric.node-already-paired";

    /// <summary><c>fabric.realm-already-exists</c> (<see cref="CfcAlreadyExistsException"/>).</summary>
    public const string RealmAlreadyExists = "fabric.realm-already-exists";

    /// <summary><c>fabric.not-authorized</c> (<see cref="CfcNotAuthorizedException"/>).</summary>
    public const string NotAuthorized = "fabric.not-authorized";

    /// <summary><c>fabric.invalid-realm</c> (<see cref="CfcInvalidArgumentException"/>).</summary>
    public const string InvalidRealm = "fabric.invalid-realm";

    /// <summary>The prefix of every ABORT reason of a CFC's authentication (<c>fabric.auth-failed.*</c>; <see cref="CfcAuthenticationException"/>).</summary>
    public const string AuthFailedPrefix = "fabric.auth-failed.";

    /// <summary><c>fabric.auth-failed.new-user-auth-code-sent</c>: a new key; the master sent an activation code (<see cref="CfcActivationException"/>).</summary>
    public const string NewUserAuthCodeSent = "fabric.auth-failed.new-user-auth-code-sent";

    /// <summary><c>fabric.auth-failed.registered-user-auth-code-sent</c>: a known user's new key; the master sent an activation code.</summary>
    public const string RegisteredUserAuthCodeSent = "fabric.auth-failed.registered-user-auth-code-sent";

    /// <summary><c>fabric.auth-failed.pending-activation</c>: an activation code was sent earlier and is still pending.</summary>
    public const string PendingActivation = "fabric.auth-failed.pending-activation";

    /// <summary><c>fabric.auth-failed.invalid-activation-code</c>: the activation code is wrong, expired or for another key.</summary>
    public const string InvalidActivationCode = "fabric.auth-failed.invalid-activation-code";

    /// <summary><c>fabric.auth-failed.no-pending-activation</c>: a code was given but no activation is pending.</summary>
    public const string NoPendingActivation = "fabric.auth-failed.no-pending-activation";
}

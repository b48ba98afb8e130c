namespace Cfc.Wamp.Session;

/// <summary>Error URIs the client uses for failures that have no WAMP URI of their own.</summary>
internal static class SessionErrors
{
    /// <summary>The router revoked a subscription (UNSUBSCRIBED with request id 0).</summary>
    public const string SubscriptionRevoked = "cfc.wamp.error.subscription_revoked";

    /// <summary>The router revoked a registration (UNREGISTERED with request id 0).</summary>
    public const string RegistrationRevoked = "cfc.wamp.error.registration_revoked";

    /// <summary>A subscription or registration could not be restored on a new session.</summary>
    public const string NotRestored = "cfc.wamp.error.not_restored";

    /// <summary>The callee's handler failed with an exception that is not a <see cref="WampException"/> (autobahn's default URI).</summary>
    public const string RuntimeError = "wamp.error.runtime_error";

    public const string Canceled = "wamp.error.canceled";

    public const string NoSuchRegistration = "wamp.error.no_such_registration";

    /// <summary>The callee refuses an INVOCATION because the registration's concurrency limit is reached (dealers may try another callee).</summary>
    public const string Unavailable = "wamp.error.unavailable";
}

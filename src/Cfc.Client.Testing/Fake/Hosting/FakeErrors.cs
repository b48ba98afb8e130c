using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The error URIs the fake answers with: those the real CFC master and nodes use (server facts, section 7).
/// The message travels as the first positional argument, as Crossbar's ApplicationError does.
/// </summary>
internal static class FakeErrors
{
    public const string NoSuchObject = "crossbar.error.no_such_object";
    public const string AlreadyExists = "crossbar.error.already_exists";
    public const string DependentObjects = "crossbar.error.dependent_objects";
    public const string InvalidRealm = "fabric.invalid-realm";
    public const string NotAuthorized = WampErrorUris.NotAuthorized;
    public const string InvalidArgument = WampErrorUris.InvalidArgument;
    public const string NoSuchProcedure = WampErrorUris.NoSuchProcedure;
    public const string NoSuchRealm = WampErrorUris.NoSuchRealm;
    public const string NoSuchSession = WampErrorUris.NoSuchSession;
    public const string NoSuchRegistration = WampErrorUris.NoSuchRegistration;
    public const string NoSuchSubscription = WampErrorUris.NoSuchSubscription;
    public const string NoSuchWorker = "crossbar.error.no_such_worker";
    public const string AlreadyRunning = "crossbar.error.already_running";
    public const string NotRunning = "crossbar.error.not_running";
    public const string InvalidConfiguration = "crossbar.error.invalid_configuration";
    public const string FeatureUnavailable = "crossbar.error.feature_unavailable";

    /// <summary>Creates the exception a handler throws to answer with <paramref name="uri"/>.</summary>
    /// <param name="uri">The error URI.</param>
    /// <param name="message">The readable reason (also the error's first argument).</param>
    /// <returns>The exception.</returns>
    public static WampException Error(string uri, string message) =>
        new(uri, message, new WampPayloadBuilder().Add(message).Build());

    public static WampException NotFound(string what) => Error(NoSuchObject, $"no {what}");

    public static WampException Invalid(string message) => Error(InvalidArgument, message);

    public static WampException Denied(string message) => Error(NotAuthorized, message);
}

using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The errors of the real master as the recordings show them: domain URIs with one message argument, and the generic
/// ones Python exceptions turn into (<c>wamp.error.runtime_error</c> with <c>[str(exc)]</c>, or with no arguments at all
/// for an <c>AssertionError</c>/<c>NotImplementedError</c>), <c>wamp.error.type_check_error</c> on the management realm,
/// <c>wamp.error.canceled</c> when the domain controller dies mid-call.
/// </summary>
internal static class MasterErrors
{
    public const string RuntimeErrorUri = WampErrorUris.RuntimeError;
    public const string TypeCheckErrorUri = WampErrorUris.TypeCheckError;
    public const string CanceledUri = WampErrorUris.Canceled;
    public const string NodeAlreadyPairedUri = "fabric.node-already-paired";
    public const string NodeNotPairedUri = "fabric.node-not-paired";
    public const string WorkerAlreadyRunningUri = "crossbar.error.worker_already_running";
    public const string ClassImportFailedUri = "crossbar.error.class_import_failed";

    /// <summary>What Python's <c>uuid.UUID(...)</c> says about a string that is not one.</summary>
    public const string BadUuid = "badly formed hexadecimal UUID string";

    public static WampException Error(string uri, string message) => FakeErrors.Error(uri, message);

    /// <summary><c>wamp.error.runtime_error [message]</c>: a plain Python exception.</summary>
    public static WampException Runtime(string message) => Error(RuntimeErrorUri, message);

    /// <summary><c>wamp.error.runtime_error</c> with no arguments: an <c>assert</c> or <c>NotImplementedError</c> on the master.</summary>
    public static WampException RuntimeNoArgs(string why) => new(RuntimeErrorUri, why, WampPayload.Empty);

    public static WampException TypeCheck(string message) => Error(TypeCheckErrorUri, message);

    public static WampException NoSuchObject(string message) => Error(FakeErrors.NoSuchObject, message);

    /// <summary>The router's answer when nobody registered <paramref name="uri"/>.</summary>
    public static WampException NoSuchProcedure(string uri) => Error(FakeErrors.NoSuchProcedure, $"no callee registered for procedure <{uri}>");

    /// <summary>A sync procedure called with too few arguments.</summary>
    public static WampException Missing(string function, string parameter) =>
        Runtime($"{function}() missing 1 required positional argument: '{parameter}'");
}

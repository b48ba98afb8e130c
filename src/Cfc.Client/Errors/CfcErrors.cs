using System.Text.Json;
using Cfc.Client.Uris;
using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// The one place the typed API builds its exceptions: it maps a <see cref="WampException"/> to the
/// <see cref="CfcException"/> family (the one place error URIs are interpreted) and makes the errors of its own. Each
/// message starts with what was attempted (the operation: procedure, topic, URL and realm), then the error URI and what the
/// server said, then what to do when the client can tell. Every exception links to its section of <c>docs/errors.md</c>
/// (<see cref="Exception.HelpLink"/>, by <see cref="CfcErrorHelp"/>).
/// </summary>
internal static class CfcErrors
{
    /// <summary>The URI used when a result or event has the wrong shape.</summary>
    public const string InvalidResultUri = CfcErrorUris.InvalidResult;

    /// <summary>The URI used when an event subscription ended for a reason that carries no WAMP error URI.</summary>
    public const string SubscriptionLostUri = CfcErrorUris.SubscriptionLost;

    private static readonly HashSet<string> NotFound = new(StringComparer.Ordinal)
    {
        CfcErrorUris.NoSuchObject, CfcErrorUris.NoSuchRealm, CfcErrorUris.NodeNotPaired,
        CfcErrorUris.NodeNotExist, CfcErrorUris.NoSuchWorker, WampErrorUris.NoSuchRealm,
        WampErrorUris.NoSuchSession, WampErrorUris.NoSuchSubscription, WampErrorUris.NoSuchRegistration,
    };

    private static readonly HashSet<string> AlreadyExists = new(StringComparer.Ordinal)
    {
        CfcErrorUris.AlreadyExists, CfcErrorUris.NodeAlreadyPaired, CfcErrorUris.RealmAlreadyExists, CfcErrorUris.AlreadyRunning,
        CfcErrorUris.WorkerAlreadyRunning,
    };

    private static readonly HashSet<string> NotAuthorized = new(StringComparer.Ordinal)
    {
        WampErrorUris.NotAuthorized, CfcErrorUris.NotAuthorized, WampErrorUris.AuthorizationFailed,
    };

    private static readonly HashSet<string> InvalidArgument = new(StringComparer.Ordinal)
    {
        WampErrorUris.InvalidArgument, CfcErrorUris.InvalidRealm, WampErrorUris.TypeCheckError, CfcErrorUris.InvalidConfiguration,
        CfcErrorUris.CrossbarInvalidArgument,
    };

    /// <summary>Maps a WAMP failure of an operation to the matching <see cref="CfcException"/>.</summary>
    /// <param name="exception">The WAMP failure.</param>
    /// <param name="operation">What was attempted, e.g. <c>call crossbarfabriccenter.mrealm.pair_node</c>; it starts the message.</param>
    /// <returns>The exception to throw (its inner exception is <paramref name="exception"/>).</returns>
    public static CfcException Map(WampException exception, string operation) => Map(exception, operation, hint: null);

    /// <summary>Maps a WAMP failure of an operation, appending a hint on how to fix it to the message.</summary>
    /// <param name="exception">The WAMP failure.</param>
    /// <param name="operation">What was attempted; it starts the message.</param>
    /// <param name="hint">What the caller likely has to change, or <see langword="null"/>; it ends the message.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcException Map(WampException exception, string operation, string? hint) =>
        Map(exception, operation, hint, procedure: null, scheme: null, suggestedScheme: null);

    /// <summary>Maps a WAMP failure of a call, knowing the procedure and the scheme (for <see cref="CfcNoSuchProcedureException"/>).</summary>
    /// <param name="exception">The WAMP failure.</param>
    /// <param name="operation">What was attempted; it starts the message.</param>
    /// <param name="hint">What the caller likely has to change, or <see langword="null"/>; it ends the message.</param>
    /// <param name="procedure">The procedure URI that was called, or <see langword="null"/> to read it from the error.</param>
    /// <param name="scheme">The scheme in use, or <see langword="null"/> when unknown.</param>
    /// <param name="suggestedScheme">The scheme the server speaks, when known and different.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcException Map(
        WampException exception, string operation, string? hint, string? procedure, CfcUriScheme? scheme, CfcUriScheme? suggestedScheme)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string uri = exception.ErrorUri;
        string message = $"{operation} failed with {Describe(exception)}";
        if (hint is not null)
        {
            message = $"{message}: {hint}";
        }

        JsonElement? args = exception.Arguments;
        JsonElement? kwargs = exception.ArgumentsKeywords;
        if (CfcActivationException.StateOf(uri) is { } activation)
        {
            return new CfcActivationException(activation, uri, $"{message}: {CfcActivationException.Advice(activation)}", args, exception);
        }

        return exception switch
        {
            WampAuthenticationException => new CfcAuthenticationException(uri, message, args, kwargs, exception),
            // Local failures carry no server message; their own text already says what happened.
            WampConnectionLostException => new CfcConnectionLostException(uri, $"{operation} failed: {exception.Message}", exception),
            WampTimeoutException => new CfcTimeoutException(uri, $"{operation} failed: {exception.Message}", exception),
            _ when uri.StartsWith(CfcErrorUris.AuthFailedPrefix, StringComparison.Ordinal) => new CfcAuthenticationException(uri, message, args, kwargs, exception),
            _ when uri == CfcNoSuchProcedureException.NoSuchProcedureUri =>
                new CfcNoSuchProcedureException(message, procedure ?? ProcedureFromError(exception), scheme, suggestedScheme, args, kwargs, exception),
            _ when NotFound.Contains(uri) => new CfcNotFoundException(uri, message, args, kwargs, exception),
            _ when AlreadyExists.Contains(uri) => new CfcAlreadyExistsException(uri, message, args, kwargs, exception),
            _ when NotAuthorized.Contains(uri) => new CfcNotAuthorizedException(uri, message, args, kwargs, exception),
            _ when InvalidArgument.Contains(uri) => new CfcInvalidArgumentException(uri, message, args, kwargs, exception),
            _ => new CfcException(uri, message, args, kwargs, exception),
        };
    }

    /// <summary>
    /// Explains a missing callee that comes from calling an API group on the wrong kind of realm: the global realm serves
    /// only System and Management Realms, a management realm only its own API and the Remote APIs. Without this, such a
    /// call looks like an unknown or offline node.
    /// </summary>
    /// <param name="errorUri">The error the call failed with.</param>
    /// <param name="procedureRealm">Where the procedure is served (from the URI table), or <see langword="null"/> when unknown.</param>
    /// <param name="clientRealm">The realm the session joined, or <see langword="null"/> when unknown.</param>
    /// <returns>The hint, or <see langword="null"/> when the realms match or either is unknown.</returns>
    internal static string? WrongRealmHint(string errorUri, CfcApiRealm? procedureRealm, string? clientRealm)
    {
        if (errorUri != WampErrorUris.NoSuchProcedure || procedureRealm is null || clientRealm is null)
        {
            return null;
        }

        bool onGlobal = clientRealm == CfcRealms.Global;
        return (procedureRealm, onGlobal) switch
        {
            (CfcApiRealm.Management, true) =>
                $"remote and management-realm procedures live on a management realm, not on the global realm {CfcRealms.Global}; " +
                "connect with CfcClientOptions.Realm = \"<your management realm>\"",
            (CfcApiRealm.Global, false) =>
                $"global-realm procedures (System, ManagementRealms) live on the global realm, not on the management realm {clientRealm}; " +
                $"connect with CfcClientOptions.Realm = CfcRealms.Global (\"{CfcRealms.Global}\")",
            _ => null,
        };
    }

    /// <summary>An event subscription ended: the WAMP failure mapped, or a failure without a URI as <see cref="CfcErrorUris.SubscriptionLost"/>.</summary>
    /// <param name="topic">The topic URI.</param>
    /// <param name="error">Why it ended.</param>
    /// <returns>The exception to deliver to the observers' <c>OnError</c>.</returns>
    internal static CfcException SubscriptionLost(string topic, Exception error) => error is WampException wamp
        ? Map(wamp, $"Subscription to {topic}")
        : new CfcException(CfcErrorUris.SubscriptionLost, $"Subscription to {topic} was lost: {error.Message}. Subscribe again to keep receiving its events.", null, null, error);

    /// <summary>A RESULT that cannot be the documented thing (a list for an object); the call did run on the server.</summary>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="because">Why it cannot be read.</param>
    /// <param name="rawResult">The RESULT as the server sent it.</param>
    /// <param name="resultText">The result's JSON, shortened.</param>
    /// <param name="cause">The reading failure.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcProtocolException InvalidResult(string procedure, string because, WampPayload rawResult, string resultText, Exception cause) =>
        new(CfcErrorUris.InvalidResult,
            $"Call to {procedure} returned a result that cannot be read, because {because}. The call itself ran on the server; "
            + $"the exception's RawResult holds what it returned (result: {resultText}).",
            rawResult,
            cause);

    /// <summary>A result the client needs a field of (e.g. an object id) lacks it.</summary>
    /// <param name="what">What was asked, e.g. <c>get_node_by_authid('edge1')</c>.</param>
    /// <param name="missing">What the result lacks.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcProtocolException ResultLacks(string what, string missing) =>
        new(CfcErrorUris.InvalidResult, $"{what} returned no {missing}.");

    /// <summary>A failure already mapped, raised again as not-found because callers branch on that (the master's missing-realm bug).</summary>
    /// <param name="mapped">The mapped exception (its message is kept).</param>
    /// <param name="exception">The WAMP error.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcNotFoundException AsNotFound(CfcException mapped, WampException exception) =>
        new(exception.ErrorUri, mapped.Message, exception.Arguments, exception.ArgumentsKeywords, exception);

    /// <summary>A procedure the router does not register, with the client's explanation of why.</summary>
    /// <param name="operation">What was attempted.</param>
    /// <param name="target">The URI the router named (or the procedure).</param>
    /// <param name="why">Why, as far as the client can tell, and what to do.</param>
    /// <param name="procedure">The procedure URI.</param>
    /// <param name="scheme">The scheme in use.</param>
    /// <param name="exception">The WAMP error.</param>
    /// <returns>The exception to throw.</returns>
    internal static CfcNoSuchProcedureException NoSuchProcedure(string operation, string target, string why, string procedure, CfcUriScheme scheme, WampException exception) =>
        new($"{operation} failed with {WampErrorUris.NoSuchProcedure} ({target}): {why}",
            procedure, scheme, null, exception.Arguments, exception.ArgumentsKeywords, exception);

    // Routers say "no callee registered for procedure <uri>"; without that the message is all there is.
    private static string ProcedureFromError(WampException exception)
    {
        string text = exception.Arguments is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 && a[0].ValueKind == JsonValueKind.String
            ? a[0].GetString()!
            : exception.Message;
        int open = text.LastIndexOf('<');
        int close = text.LastIndexOf('>');
        return open >= 0 && close > open ? text[(open + 1)..close] : string.Empty;
    }

    // "wamp.error.invalid_argument: realm name too short"; the server's own message is the first string argument.
    private static string Describe(WampException exception)
    {
        string described = WampException.DescribeError(exception.ErrorUri, exception.Payload);
        return described == exception.ErrorUri && !string.IsNullOrEmpty(exception.Message) && exception.Message != exception.ErrorUri
            ? $"{exception.ErrorUri}: {exception.Message}"
            : described;
    }
}

/// <summary>An event's payload did not have the shape its API declares; the event is logged and skipped (never reaches a user).</summary>
internal sealed class CfcEventFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Which argument was wrong.</param>
    /// <param name="innerException">The decoding failure, if any.</param>
    public CfcEventFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>The event carried nothing to read (no positional and no keyword arguments); it is skipped, not delivered as a record of defaults.</summary>
    internal bool IsEmptyPayload { get; init; }
}

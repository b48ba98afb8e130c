using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client;

/// <summary>
/// The base of every error the CFC API raises for a failed call, subscription or connection. It carries the WAMP
/// error URI and the error's arguments; subtypes exist only where callers branch differently.
/// </summary>
public class CfcException : Exception
{
    /// <summary>Creates an exception.</summary>
    /// <param name="errorUri">The WAMP (or CFC) error URI.</param>
    /// <param name="message">What failed, and what the server said.</param>
    /// <param name="arguments">The error's positional arguments (a JSON array), if any.</param>
    /// <param name="argumentsKeywords">The error's keyword arguments (a JSON object), if any.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CfcException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorUri = errorUri;
        Arguments = arguments;
        ArgumentsKeywords = argumentsKeywords;
        HelpLink = CfcErrorHelp.LinkFor(errorUri, GetType(), innerException);
    }

    /// <summary>
    /// Who raised the error: <see cref="WampErrorSource.Router"/> when the server answered with it (an ERROR or ABORT),
    /// <see cref="WampErrorSource.Client"/> when this client did (a timeout, a lost connection, a result it cannot read,
    /// a member the server's API lacks).
    /// </summary>
    public WampErrorSource ErrorSource => InnerException is WampException wamp ? wamp.ErrorSource : WampErrorSource.Client;

    /// <summary>
    /// Turns a <see cref="WampException"/> from a raw call (<see cref="CfcClient.Wamp"/>) into the exception the typed API
    /// would raise for it (<see cref="CfcNotFoundException"/> for <c>crossbar.error.no_such_object</c>, ...), so raw
    /// and typed calls can be handled alike.
    /// </summary>
    /// <param name="exception">The WAMP failure.</param>
    /// <param name="operation">What was attempted, e.g. <c>Call to crossbarfabriccenter.mrealm.get_nodes</c>; it starts the message.</param>
    /// <returns>The exception (its inner exception is <paramref name="exception"/>).</returns>
    public static CfcException FromWamp(WampException exception, string operation) => CfcErrors.Map(exception, operation);

    /// <summary>The error URI, e.g. <c>crossbar.error.no_such_object</c>.</summary>
    public string ErrorUri { get; }

    /// <summary>The error's positional arguments (a JSON array), or <see langword="null"/>.</summary>
    public JsonElement? Arguments { get; }

    /// <summary>The error's keyword arguments (a JSON object), or <see langword="null"/>.</summary>
    public JsonElement? ArgumentsKeywords { get; }
}

/// <summary>The object (realm, node, worker, procedure on an offline node, ...) does not exist.</summary>
/// <remarks>
/// Raised for <c>crossbar.error.no_such_object</c>, <c>fabric.no-such-realm</c>, <c>fabric.node-not-paired</c> and the node-side
/// <c>crossbar.error.no_such_worker</c>. A procedure the router does not know (<c>wamp.error.no_such_procedure</c>) is a
/// <see cref="CfcNoSuchProcedureException"/> instead: it usually means a wrong <see cref="CfcUriScheme"/>, the wrong realm,
/// or an offline node, not a missing object.
/// </remarks>
public sealed class CfcNotFoundException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
    : CfcException(errorUri, message, arguments, argumentsKeywords, innerException);

/// <summary>The object already exists (<c>crossbar.error.already_exists</c>, <c>fabric.node-already-paired</c>, <c>fabric.realm-already-exists</c>, <c>crossbar.error.already_running</c>).</summary>
public sealed class CfcAlreadyExistsException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
    : CfcException(errorUri, message, arguments, argumentsKeywords, innerException);

/// <summary>The caller may not do this (<c>wamp.error.not_authorized</c>, <c>fabric.not-authorized</c>, <c>wamp.error.authorization_failed</c>).</summary>
public sealed class CfcNotAuthorizedException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
    : CfcException(errorUri, message, arguments, argumentsKeywords, innerException);

/// <summary>The server refused an argument (<c>wamp.error.invalid_argument</c>, <c>fabric.invalid-realm</c>, <c>wamp.error.type_check_error</c>, <c>crossbar.error.invalid_configuration</c>).</summary>
public sealed class CfcInvalidArgumentException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
    : CfcException(errorUri, message, arguments, argumentsKeywords, innerException);

/// <summary>The router refused to open the session (ABORT while joining, e.g. <c>fabric.auth-failed.node-unpaired</c>); reconnecting with the same credentials will not help.</summary>
public class CfcAuthenticationException(string errorUri, string message, JsonElement? arguments = null, JsonElement? argumentsKeywords = null, Exception? innerException = null)
    : CfcException(errorUri, message, arguments, argumentsKeywords, innerException);

/// <summary>
/// The connection was lost while the call or subscription was pending; it did not complete and was not replayed.
/// <see cref="EndReason"/> says why the connection ended.
/// </summary>
public sealed class CfcConnectionLostException(string errorUri, string message, Exception? innerException = null)
    : CfcException(errorUri, message, null, null, innerException)
{
    /// <summary>Why the connection ended (closed by the server with GOODBYE, aborted, transport failure, keep-alive timeout, ...).</summary>
    public WampConnectionEndReason EndReason => (InnerException as WampConnectionLostException)?.EndReason ?? WampConnectionEndReason.Unknown;

    /// <summary>The server's GOODBYE or ABORT reason URI when it sent one, else <see langword="null"/>.</summary>
    public string? CloseReasonUri => (InnerException as WampConnectionLostException)?.CloseReasonUri;
}

/// <summary>No answer came within the timeout; the call was cancelled at the router.</summary>
public sealed class CfcTimeoutException(string errorUri, string message, Exception? innerException = null)
    : CfcException(errorUri, message, null, null, innerException);

/// <summary>
/// The server answered, but with something that cannot be what the API documents at all (a list where an object is
/// promised). The call did run on the server: <see cref="RawResult"/> is what it returned, so a caller can recover.
/// A field of an unexpected type is never this exception; it leaves that property <see langword="null"/> instead.
/// </summary>
public sealed class CfcProtocolException : CfcException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="errorUri">The client's error URI (<c>cfc.error.invalid_result</c>, ...).</param>
    /// <param name="message">What was expected and what came.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CfcProtocolException(string errorUri, string message, Exception? innerException = null)
        : base(errorUri, message, null, null, innerException)
    {
    }

    /// <summary>Creates an exception that carries the server's result.</summary>
    /// <param name="errorUri">The client's error URI (<c>cfc.error.invalid_result</c>, ...).</param>
    /// <param name="message">What was expected and what came.</param>
    /// <param name="rawResult">The RESULT exactly as the server sent it.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public CfcProtocolException(string errorUri, string message, WampPayload rawResult, Exception? innerException = null)
        : base(errorUri, message, rawResult.Arguments, rawResult.ArgumentsKeywords, innerException)
    {
        RawResult = rawResult;
    }

    /// <summary>
    /// The RESULT's payload exactly as the server sent it (positional and keyword arguments), or
    /// <see langword="null"/> when the error did not come from a result. <see cref="CfcException.Arguments"/> and
    /// <see cref="CfcException.ArgumentsKeywords"/> carry the same values.
    /// </summary>
    public WampPayload? RawResult { get; }
}

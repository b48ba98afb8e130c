using System.Text.Json;

namespace Cfc.Wamp;

/// <summary>
/// The base of every error the WAMP core raises. A peer's error carries its URI and payload; local failures
/// (connection lost, timeout, protocol violation) use well-known URIs so callers can branch on one property.
/// </summary>
public class WampException : Exception
{
    /// <summary>Creates an exception for an error URI.</summary>
    /// <param name="errorUri">The WAMP error URI.</param>
    /// <param name="message">A readable description.</param>
    /// <param name="payload">The error's positional and keyword arguments.</param>
    /// <param name="details">The error's details dictionary, if any.</param>
    /// <param name="innerException">The underlying cause, if any.</param>
    public WampException(string errorUri, string? message = null, WampPayload payload = default, JsonElement? details = null, Exception? innerException = null)
        : base(message ?? DescribeError(errorUri, payload), innerException)
    {
        ErrorUri = errorUri;
        Payload = payload;
        Details = details;
        HelpLink = WampErrorHelp.LinkFor(errorUri, GetType());
    }

    /// <summary>
    /// Who raised the error: <see cref="WampErrorSource.Router"/> when it came over the wire (ERROR, ABORT, GOODBYE),
    /// <see cref="WampErrorSource.Client"/> when this client raised it (the default for an exception made in code).
    /// </summary>
    public WampErrorSource ErrorSource { get; init; }

    /// <summary>The WAMP error URI, e.g. <c>wamp.error.no_such_procedure</c>.</summary>
    public string ErrorUri { get; }

    /// <summary>The error's positional and keyword arguments.</summary>
    public WampPayload Payload { get; }

    /// <summary>The positional arguments of the error, or <see langword="null"/>.</summary>
    public JsonElement? Arguments => Payload.Arguments;

    /// <summary>The keyword arguments of the error, or <see langword="null"/>.</summary>
    public JsonElement? ArgumentsKeywords => Payload.ArgumentsKeywords;

    /// <summary>The details dictionary of the ERROR or ABORT message, or <see langword="null"/>.</summary>
    public JsonElement? Details { get; }

    /// <summary>
    /// Builds a readable message from an error URI and the first string argument, as routers put the reason there.
    /// The router's text is neutralised (<see cref="ServerText.Sanitize"/>: control characters escaped, length capped);
    /// the full values stay in <see cref="Payload"/>.
    /// </summary>
    /// <param name="errorUri">The error URI.</param>
    /// <param name="payload">The error payload.</param>
    /// <returns>The message.</returns>
    public static string DescribeError(string errorUri, WampPayload payload)
    {
        string uri = ServerText.Sanitize(errorUri);
        if (payload.Count > 0 && payload[0].ValueKind == JsonValueKind.String)
        {
            return $"{uri}: {ServerText.Sanitize(payload[0].GetString())}";
        }

        if (payload.TryGetKeyword("message", out JsonElement m) && m.ValueKind == JsonValueKind.String)
        {
            return $"{uri}: {ServerText.Sanitize(m.GetString())}";
        }

        return payload.IsEmpty ? uri : $"{uri} ({ServerText.Sanitize(payload.ToString())})";
    }
}

/// <summary>
/// The connection or session ended while work was pending; the work did not complete and was not replayed.
/// <see cref="EndReason"/> says why the connection ended.
/// </summary>
public sealed class WampConnectionLostException : WampException
{
    /// <summary>The URI used for this failure (<see cref="WampErrorUris.ConnectionLost"/>).</summary>
    public const string Uri = WampErrorUris.ConnectionLost;

    /// <summary>Creates the exception; the reason is taken from <paramref name="innerException"/> when that is a lost connection too.</summary>
    /// <param name="message">What was lost and why.</param>
    /// <param name="innerException">The transport or protocol failure, if any.</param>
    public WampConnectionLostException(string message, Exception? innerException = null)
        : this(message, (innerException as WampConnectionLostException)?.EndReason ?? WampConnectionEndReason.Unknown,
            (innerException as WampConnectionLostException)?.CloseReasonUri, innerException)
    {
    }

    /// <summary>Creates the exception with the reason the connection ended.</summary>
    /// <param name="message">What was lost and why.</param>
    /// <param name="endReason">Why the connection ended.</param>
    /// <param name="closeReasonUri">The router's GOODBYE or ABORT reason, when it sent one.</param>
    /// <param name="innerException">The transport or protocol failure, if any.</param>
    public WampConnectionLostException(string message, WampConnectionEndReason endReason, string? closeReasonUri = null, Exception? innerException = null)
        : base(Uri, message, default, null, innerException)
    {
        EndReason = endReason;
        CloseReasonUri = closeReasonUri;
    }

    /// <summary>Why the connection ended: closed by this client, GOODBYE or ABORT from the router, transport failure, keep-alive timeout, ...</summary>
    public WampConnectionEndReason EndReason { get; }

    /// <summary>The reason URI of the router's GOODBYE or ABORT (e.g. <c>wamp.close.system_shutdown</c>), or <see langword="null"/>.</summary>
    public string? CloseReasonUri { get; }
}

/// <summary>A request got no answer within its timeout; a CANCEL was sent where the request was a call.</summary>
public sealed class WampTimeoutException : WampException
{
    /// <summary>The URI used for this failure (the WAMP one).</summary>
    public const string Uri = WampErrorUris.Timeout;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out, after how long.</param>
    public WampTimeoutException(string message)
        : base(Uri, message)
    {
    }
}

/// <summary>The peer broke the protocol (or sent something undecodable); the session was aborted with <c>wamp.error.protocol_violation</c>.</summary>
public sealed class WampProtocolViolationException : WampException
{
    /// <summary>The URI used for this failure (the WAMP one).</summary>
    public const string Uri = WampErrorUris.ProtocolViolation;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The decoding failure, if any.</param>
    public WampProtocolViolationException(string message, Exception? innerException = null)
        : base(Uri, message, default, null, innerException)
    {
    }
}

/// <summary>The router refused to open the session (ABORT during the handshake), e.g. <c>wamp.error.not_authorized</c>.</summary>
public sealed class WampAuthenticationException : WampException
{
    /// <summary>Creates the exception from the router's ABORT.</summary>
    /// <param name="reason">The ABORT reason URI.</param>
    /// <param name="message">A readable description.</param>
    /// <param name="payload">The ABORT payload.</param>
    /// <param name="details">The ABORT details.</param>
    public WampAuthenticationException(string reason, string message, WampPayload payload = default, JsonElement? details = null)
        : base(reason, message, payload, details)
    {
    }
}

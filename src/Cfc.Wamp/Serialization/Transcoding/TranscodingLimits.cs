namespace Cfc.Wamp.Serialization.Transcoding;

/// <summary>Limits and error construction shared by the binary transcoders.</summary>
internal static class TranscodingLimits
{
    /// <summary>
    /// The deepest container nesting accepted (the message array itself is depth 1). It matches the System.Text.Json
    /// default, so anything a transcoder accepts can also be parsed into <see cref="System.Text.Json.JsonElement"/>s,
    /// and it bounds the recursion of the binary readers.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>Creates the exception for a frame that is not well-formed.</summary>
    /// <param name="format">The wire format, e.g. "CBOR".</param>
    /// <param name="what">What was wrong, as a sentence fragment.</param>
    /// <param name="inner">The decoder's own exception, if any.</param>
    /// <returns>The exception to throw.</returns>
    public static WampProtocolViolationException Violation(string format, string what, Exception? inner = null) =>
        new($"Malformed {format} frame: {what}.", inner);

    /// <summary>
    /// Whether an exception thrown by a decoder or by <see cref="System.Text.Json.Utf8JsonWriter"/> means "bad input"
    /// (so it becomes a protocol violation) rather than a bug in our own code.
    /// </summary>
    /// <param name="ex">The exception.</param>
    /// <returns><see langword="true"/> when it describes malformed input.</returns>
    public static bool IsDecodingFailure(Exception ex) =>
        ex is System.Formats.Cbor.CborContentException or System.Text.Json.JsonException or InvalidOperationException
            or ArgumentException or OverflowException or FormatException;
}

using System.Text.Json;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// One wire format's writer for the parts of a message (<see cref="JsonEnvelopeWriter"/>,
/// <see cref="BinaryEnvelopeWriter{TSink}"/>); the order of the parts is written once, in <see cref="EnvelopeEncoder"/>.
/// </summary>
internal interface IEnvelopeWriter
{
    /// <summary>The message array starts.</summary>
    /// <param name="count">How many elements it has (binary formats write it in front).</param>
    void Start(int count);

    /// <summary>The message array ends.</summary>
    void End();

    /// <summary>An integer (code, id).</summary>
    /// <param name="value">The value.</param>
    void Integer(long value);

    /// <summary>A string (URI, auth method, signature).</summary>
    /// <param name="value">The value.</param>
    void String(string value);

    /// <summary>A dictionary (options, details, extra).</summary>
    /// <param name="value">A JSON object.</param>
    void Dict(JsonElement value);

    /// <summary>The positional arguments (an empty list when there are none but keywords follow).</summary>
    /// <param name="payload">The payload.</param>
    void Arguments(in WampPayload payload);

    /// <summary>The keyword arguments (only written when there are some).</summary>
    /// <param name="payload">The payload.</param>
    void Keywords(in WampPayload payload);
}

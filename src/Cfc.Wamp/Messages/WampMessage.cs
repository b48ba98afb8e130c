namespace Cfc.Wamp.Messages;

/// <summary>
/// One WAMP v2 message. Each message type is a sealed record; dictionaries and payloads are kept as
/// <see cref="System.Text.Json.JsonElement"/> so that every serializer maps onto one data model
/// (binary values are strings that start with U+0000 followed by base64, as the WAMP JSON rules say).
/// </summary>
public abstract record WampMessage
{
    /// <summary>The message's code.</summary>
    public abstract WampMessageType Type { get; }
}

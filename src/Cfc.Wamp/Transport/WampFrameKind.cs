namespace Cfc.Wamp.Transport;

/// <summary>How a frame travels: WebSocket text or binary messages (RawSocket frames carry no such flag).</summary>
public enum WampFrameKind
{
    /// <summary>A text frame (UTF-8), used for JSON.</summary>
    Text = 0,

    /// <summary>A binary frame, used for CBOR and MessagePack.</summary>
    Binary = 1,
}

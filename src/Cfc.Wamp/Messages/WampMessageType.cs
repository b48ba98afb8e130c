namespace Cfc.Wamp.Messages;

/// <summary>The WAMP v2 message codes (the first element of every message array).</summary>
public enum WampMessageType
{
    /// <summary>HELLO: a client asks to join a realm.</summary>
    Hello = 1,
    /// <summary>WELCOME: the router accepts the session.</summary>
    Welcome = 2,
    /// <summary>ABORT: a session is refused or ended without a handshake.</summary>
    Abort = 3,
    /// <summary>CHALLENGE: the router asks the client to authenticate.</summary>
    Challenge = 4,
    /// <summary>AUTHENTICATE: the client answers a challenge.</summary>
    Authenticate = 5,
    /// <summary>GOODBYE: a session is closed by handshake.</summary>
    Goodbye = 6,
    /// <summary>ERROR: a request failed.</summary>
    Error = 8,
    /// <summary>PUBLISH: a publisher sends an event.</summary>
    Publish = 16,
    /// <summary>PUBLISHED: the broker acknowledges a publication.</summary>
    Published = 17,
    /// <summary>SUBSCRIBE: a subscriber asks for events on a topic.</summary>
    Subscribe = 32,
    /// <summary>SUBSCRIBED: the broker confirms a subscription.</summary>
    Subscribed = 33,
    /// <summary>UNSUBSCRIBE: a subscriber ends a subscription.</summary>
    Unsubscribe = 34,
    /// <summary>UNSUBSCRIBED: the broker confirms (or, with request 0, revokes) a subscription's end.</summary>
    Unsubscribed = 35,
    /// <summary>EVENT: the broker delivers an event.</summary>
    Event = 36,
    /// <summary>CALL: a caller invokes a procedure.</summary>
    Call = 48,
    /// <summary>CANCEL: a caller cancels a call.</summary>
    Cancel = 49,
    /// <summary>RESULT: the dealer returns a (progressive or final) call result.</summary>
    Result = 50,
    /// <summary>REGISTER: a callee registers a procedure.</summary>
    Register = 64,
    /// <summary>REGISTERED: the dealer confirms a registration.</summary>
    Registered = 65,
    /// <summary>UNREGISTER: a callee ends a registration.</summary>
    Unregister = 66,
    /// <summary>UNREGISTERED: the dealer confirms (or, with request 0, revokes) a registration's end.</summary>
    Unregistered = 67,
    /// <summary>INVOCATION: the dealer asks a callee to run a procedure.</summary>
    Invocation = 68,
    /// <summary>INTERRUPT: the dealer asks a callee to stop an invocation.</summary>
    Interrupt = 69,
    /// <summary>YIELD: a callee returns a (progressive or final) result.</summary>
    Yield = 70,
}

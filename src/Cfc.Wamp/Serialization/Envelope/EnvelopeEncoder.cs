using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Serialization.Envelope;

/// <summary>
/// Writes a message's parts in WAMP order through a format's <see cref="IEnvelopeWriter"/>: one place for every
/// serializer. Payloads built by <see cref="WampPayloadBuilder"/> or received from a peer are JSON bytes already, so they
/// are copied into the frame (JSON) or transcoded without a parse (CBOR, MessagePack), never written twice.
/// </summary>
internal static class EnvelopeEncoder
{
    /// <summary>Writes <paramref name="message"/>.</summary>
    /// <typeparam name="TWriter">The format's writer.</typeparam>
    /// <param name="w">The writer.</param>
    /// <param name="message">The message.</param>
    public static void Write<TWriter>(ref TWriter w, WampMessage message)
        where TWriter : IEnvelopeWriter, allows ref struct
    {
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case HelloMessage m: w.Start(3); Code(ref w, m); w.String(m.Realm); w.Dict(m.Details); break;
            case WelcomeMessage m: w.Start(3); Code(ref w, m); w.Integer(m.SessionId); w.Dict(m.Details); break;
            case AbortMessage m: w.Start(3 + Parts(m.Payload)); Code(ref w, m); w.Dict(m.Details); w.String(m.Reason); Payload(ref w, m.Payload); break;
            case ChallengeMessage m: w.Start(3); Code(ref w, m); w.String(m.AuthMethod); w.Dict(m.Extra); break;
            case AuthenticateMessage m: w.Start(3); Code(ref w, m); w.String(m.Signature); w.Dict(m.Extra); break;
            case GoodbyeMessage m: w.Start(3); Code(ref w, m); w.Dict(m.Details); w.String(m.Reason); break;
            case ErrorMessage m:
                w.Start(5 + Parts(m.Payload)); Code(ref w, m); w.Integer((int)m.RequestType); w.Integer(m.RequestId); w.Dict(m.Details);
                w.String(m.ErrorUri); Payload(ref w, m.Payload); break;
            case PublishMessage m: w.Start(4 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); w.String(m.Topic); Payload(ref w, m.Payload); break;
            case PublishedMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.PublicationId); break;
            case SubscribeMessage m: w.Start(4); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); w.String(m.Topic); break;
            case SubscribedMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.SubscriptionId); break;
            case UnsubscribeMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.SubscriptionId); break;
            case UnsubscribedMessage m:
                w.Start(m.Details is null ? 2 : 3); Code(ref w, m); w.Integer(m.RequestId);
                if (m.Details is { } ud) { w.Dict(ud); }
                break;
            case EventMessage m:
                w.Start(4 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.SubscriptionId); w.Integer(m.PublicationId); w.Dict(m.Details);
                Payload(ref w, m.Payload); break;
            case CallMessage m: w.Start(4 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); w.String(m.Procedure); Payload(ref w, m.Payload); break;
            case CancelMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); break;
            case ResultMessage m: w.Start(3 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Details); Payload(ref w, m.Payload); break;
            case RegisterMessage m: w.Start(4); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); w.String(m.Procedure); break;
            case RegisteredMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.RegistrationId); break;
            case UnregisterMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.RegistrationId); break;
            case UnregisteredMessage m:
                w.Start(m.Details is null ? 2 : 3); Code(ref w, m); w.Integer(m.RequestId);
                if (m.Details is { } rd) { w.Dict(rd); }
                break;
            case InvocationMessage m:
                w.Start(4 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.RequestId); w.Integer(m.RegistrationId); w.Dict(m.Details);
                Payload(ref w, m.Payload); break;
            case InterruptMessage m: w.Start(3); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); break;
            case YieldMessage m: w.Start(3 + Parts(m.Payload)); Code(ref w, m); w.Integer(m.RequestId); w.Dict(m.Options); Payload(ref w, m.Payload); break;
            default: throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }

        w.End();
    }

    private static void Code<TWriter>(ref TWriter w, WampMessage message)
        where TWriter : IEnvelopeWriter, allows ref struct => w.Integer((int)message.Type);

    // Empty payload parts are omitted, but positional arguments are written ([]) when keywords follow.
    private static int Parts(in WampPayload payload) => payload.HasKeywords ? 2 : payload.HasArguments ? 1 : 0;

    private static void Payload<TWriter>(ref TWriter w, in WampPayload payload)
        where TWriter : IEnvelopeWriter, allows ref struct
    {
        int parts = Parts(payload);
        if (parts > 0)
        {
            w.Arguments(payload);
        }

        if (parts > 1)
        {
            w.Keywords(payload);
        }
    }
}

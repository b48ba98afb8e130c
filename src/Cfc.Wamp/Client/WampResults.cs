using System.Text.Json;

namespace Cfc.Wamp;

/// <summary>A call's (progressive or final) result.</summary>
/// <param name="Payload">The result's arguments.</param>
/// <param name="Details">The RESULT details.</param>
/// <param name="IsProgress">Whether this is a progressive result.</param>
public sealed record WampResult(WampPayload Payload, JsonElement Details, bool IsProgress = false);

/// <summary>An event delivered to a subscription.</summary>
/// <param name="Topic">The concrete topic (from <c>details.topic</c> for pattern subscriptions).</param>
/// <param name="SubscriptionId">The router's subscription id.</param>
/// <param name="PublicationId">The publication id.</param>
/// <param name="Payload">The event's arguments.</param>
/// <param name="Details">The EVENT details.</param>
public sealed record WampEvent(string Topic, long SubscriptionId, long PublicationId, WampPayload Payload, JsonElement Details)
{
    /// <summary>
    /// The size this event is counted with by the bounded event queues (<see cref="WampSubscribeOptions.MaxQueuedEventBytes"/>,
    /// the typed streams' readers): the UTF-8 JSON of its arguments, keyword arguments and details, plus the topic's length.
    /// </summary>
    public long JsonSize => PayloadSize(Payload) + Size(Details) + Topic.Length;

    // A payload received as bytes is measured without parsing it into elements.
    private static long PayloadSize(WampPayload payload) =>
        payload.Encoded is { } e ? e.JsonSize : Size(payload.Arguments) + Size(payload.ArgumentsKeywords);

    private static long Size(JsonElement? element) =>
        element is { } e && e.ValueKind != JsonValueKind.Undefined ? System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(e).Length : 0;
}

/// <summary>What the router said about an open session (from WELCOME).</summary>
/// <param name="SessionId">The session id.</param>
/// <param name="Realm">The realm joined.</param>
/// <param name="AuthId">The authenticated id, if any.</param>
/// <param name="AuthRole">The role, if any.</param>
/// <param name="AuthMethod">The method used, if any.</param>
/// <param name="Details">The full WELCOME details.</param>
public sealed record WampSessionDetails(long SessionId, string Realm, string? AuthId, string? AuthRole, string? AuthMethod, JsonElement Details);

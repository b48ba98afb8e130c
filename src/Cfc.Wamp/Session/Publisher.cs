using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>The publisher role: PUBLISH, and PUBLISHED/ERROR when an acknowledgement was asked for.</summary>
internal sealed class Publisher
{
    private readonly WampSession _session;

    public Publisher(WampSession session) => _session = session;

    public async Task<long?> PublishAsync(string topic, WampPayload payload, WampPublishOptions? options, CancellationToken cancellationToken)
    {
        long id = _session.Ids.Next();
        var message = new PublishMessage(id, OptionsJson.Publish(options), topic, payload);
        if (options?.Acknowledge != true)
        {
            // Unacknowledged: the router never answers, so there is nothing to wait for.
            await _session.SendAsync(message, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var pending = new PendingAck(id, WampMessageType.Publish, WampMessageType.Published);
        return await _session.RequestAsync(message, pending, $"PUBLISH to '{topic}'", cancellationToken).ConfigureAwait(false);
    }
}

using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Session;

/// <summary>The publisher role: PUBLISH, and PUBLISHED/ERROR when an acknowledgement was asked for.</summary>
internal sealed class Publisher
{
    private readonly WampSession _session;

    public Publisher(WampSession session) => _session = session;

    // One task for every unacknowledged publish that was written at once: nothing is allocated for it.
    private static readonly Task<long?> Unacknowledged = Task.FromResult<long?>(null);

    public Task<long?> PublishAsync(string topic, WampPayload payload, WampPublishOptions? options, CancellationToken cancellationToken)
    {
        long id = _session.Ids.Next();
        var message = new PublishMessage(id, OptionsJson.Publish(options), topic, payload);
        if (options?.Acknowledge != true)
        {
            // Unacknowledged: the router never answers, so there is nothing to wait for beyond the write.
            ValueTask sent = _session.SendAsync(message, cancellationToken);
            return sent.IsCompletedSuccessfully ? Unacknowledged : AwaitSentAsync(sent);
        }

        var pending = new PendingAck(id, WampMessageType.Publish, WampMessageType.Published);
        return AcknowledgedAsync(message, pending, topic, cancellationToken);
    }

    private static async Task<long?> AwaitSentAsync(ValueTask sent)
    {
        await sent.ConfigureAwait(false);
        return null;
    }

    private async Task<long?> AcknowledgedAsync(PublishMessage message, PendingAck pending, string topic, CancellationToken cancellationToken) =>
        await _session.RequestAsync(message, pending, $"PUBLISH to '{topic}'", cancellationToken).ConfigureAwait(false);
}

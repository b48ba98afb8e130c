using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Session;

/// <summary>
/// A subscription as the application holds it. It lives in the client's registry across sessions; while
/// attached to a session it knows the router's subscription id there.
/// </summary>
internal sealed class ClientSubscription : WampSubscription, IClientEntry
{
    private readonly WampClient _client;
    private readonly EventDispatcher _dispatcher;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RouterAttachment _attachment = new();
    private int _disposed;

    public ClientSubscription(WampClient client, string topic, WampMatch match, Func<WampEvent, CancellationToken, ValueTask> handler, int maxQueuedEvents, long maxQueuedBytes, ILogger logger)
    {
        _client = client;
        Topic = topic;
        Match = match;
        _dispatcher = new EventDispatcher(topic, handler, maxQueuedEvents, logger, maxQueuedBytes);

        // A revoked subscription nobody watches must not surface as an unobserved task exception.
        Background.Forget(_completion.Task);
    }

    public override string Topic { get; }

    public override WampMatch Match { get; }

    public override long? SubscriptionId => _attachment.RouterId;

    public override Task Completion => _completion.Task;

    public bool IsEnded => _completion.Task.IsCompleted;

    string IClientEntry.Uri => Topic;

    string IClientEntry.Description => $"the subscription to '{Topic}'";

    Task IClientEntry.PlaceAsync(WampSession session, CancellationToken cancellationToken) => session.Subscriber.SubscribeAsync(this, cancellationToken);

    Task IClientEntry.RemoveAsync(WampSession session, CancellationToken cancellationToken) => session.Subscriber.UnsubscribeAsync(this, cancellationToken);

    void IClientEntry.LogRemoveFailed(ILogger logger, Exception exception, bool endedWithSession)
    {
        if (endedWithSession)
        {
            logger.UnsubscribeEndedWithSession(Topic, exception);
        }
        else
        {
            logger.UnsubscribeFailed(Topic, exception);
        }
    }

    WampRestoreFailedEventArgs IClientEntry.RestoreFailed(long sessionId, WampException error) => new(this, null, sessionId, error);

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _client.RemoveAsync(this).ConfigureAwait(false);
        }
    }

    public void Post(WampEvent @event) => _dispatcher.Post(@event);

    /// <summary>The JSON size of the events waiting for the handler (tests: the byte bound holds).</summary>
    public long QueuedEventBytes => _dispatcher.QueuedBytes;

    /// <summary>How many events were dropped because the queue was full.</summary>
    public long DroppedEvents => _dispatcher.Dropped;

    public void Attach(WampSession session, long routerId) => _attachment.Attach(session, routerId);

    /// <summary>Forgets the router id if it belongs to <paramref name="session"/>.</summary>
    public void Detach(WampSession session) => _attachment.Detach(session);

    public bool TryGetAttachment(out WampSession session, out long routerId) => _attachment.TryGet(out session, out routerId);

    public void Complete()
    {
        _dispatcher.Stop();
        _completion.TrySetResult();
    }

    /// <summary>Lost for good (revoked, or not restorable): leaves the registry and faults <see cref="Completion"/>.</summary>
    public void Revoke(Exception exception)
    {
        _client.Registry.Remove(this);
        Fault(exception);
    }

    public void Fault(Exception exception)
    {
        _dispatcher.Stop();
        _completion.TrySetException(exception);
    }
}

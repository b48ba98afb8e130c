using Cfc.Wamp;
using Microsoft.Extensions.Logging;

namespace Cfc.Client.Connection;

/// <summary>Owns the client's event streams, so that disposing the client completes every one of them.</summary>
internal sealed class CfcEventHub
{
    private readonly IWampClient _wamp;
    private readonly ILogger _logger;
    private readonly CfcMismatchLog _mismatches;
    private readonly WampSubscribeOptions? _queue;
    private readonly EventReaderSettings _readers;
    private readonly List<ICfcEventStream> _streams = [];
    private readonly Lock _gate = new();

    /// <summary>Creates the hub.</summary>
    /// <param name="wamp">The WAMP session subscriptions are made on.</param>
    /// <param name="logger">Where decoding and observer failures go.</param>
    /// <param name="mismatches">Where fields that did not fit their typed property are logged; a new log when omitted.</param>
    /// <param name="queue">Every stream's queue bounds (<see cref="CfcClientOptions.EventQueue"/>), or <see langword="null"/> for the WAMP defaults.</param>
    public CfcEventHub(IWampClient wamp, ILogger logger, CfcMismatchLog? mismatches = null, WampSubscribeOptions? queue = null)
    {
        _queue = queue;
        _wamp = wamp;
        _logger = logger;
        _mismatches = mismatches ?? new CfcMismatchLog(logger);
        _readers = EventReaderSettings.From(queue, logger);
    }

    /// <summary>The bounds of each reader's queue (<see cref="CfcEventSubscription{T}"/>): the same as the topics' queues.</summary>
    public EventReaderSettings Readers => _readers;

    /// <summary>Creates the hot, reference-counted stream of one topic.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="topic">The topic URI.</param>
    /// <param name="decode">Decodes an event's payload; throws on a wrong shape.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetStream<T>(string topic, Func<WampPayload, T> decode) => GetStream(topic, decode, translate: null);

    /// <summary>Creates the hot, reference-counted stream of one topic whose payloads are translated before decoding.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="topic">The topic URI.</param>
    /// <param name="decode">Decodes a (translated) payload; throws on a wrong shape.</param>
    /// <param name="translate">Reshapes a payload (may call the server; events of one topic wait for it in order), or <see langword="null"/>.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetStream<T>(string topic, Func<WampPayload, T> decode, Func<WampPayload, CancellationToken, ValueTask<WampPayload>>? translate)
    {
        var source = new TopicEventSource<T>(_wamp, topic, decode, _logger, _mismatches, translate, _queue);
        lock (_gate)
        {
            _streams.Add(source);
        }

        return new CfcEventStream<T>(source, _readers, topic);
    }

    /// <summary>The stream of an event the server's API does not have: subscribing throws <paramref name="error"/>'s exception.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="name">The member's name, for <see cref="object.ToString"/>.</param>
    /// <param name="error">Makes the exception.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetUnsupported<T>(string name, Func<CfcNotSupportedException> error) =>
        new(new FailingEventSource<T>(error), _readers, name);

    /// <summary>Completes every stream (OnCompleted to its observers) and unsubscribes on the router.</summary>
    /// <returns>A task that completes when every stream is done.</returns>
    public async Task CompleteAllAsync()
    {
        ICfcEventStream[] streams;
        lock (_gate)
        {
            streams = [.. _streams];
        }

        // Every stream completes its observers at once; the UNSUBSCRIBEs go out together, not one round trip after another.
        await Task.WhenAll(streams.Select(stream => stream.CompleteAsync())).ConfigureAwait(false);
    }
}

/// <summary>An event stream the hub can complete.</summary>
internal interface ICfcEventStream
{
    /// <summary>Completes the stream for good.</summary>
    /// <returns>A task that completes when the router subscription is released.</returns>
    Task CompleteAsync();
}

using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Fakes;

/// <summary>One CALL the client made.</summary>
public sealed record RecordedCall(string Procedure, WampPayload Payload);

/// <summary>
/// A scripted WAMP peer: records every CALL (procedure + payload) and answers from a script; keeps subscriptions
/// so tests can publish events into them, end them, or fail them.
/// </summary>
public sealed class ScriptedWampClient : IWampClient
{
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly List<FakeSubscription> _subscriptions = [];
    private readonly List<string> _subscribeRequests = [];
    private readonly Lock _gate = new();
    private readonly StateSubject _states = new();

    /// <summary>Answers a call: return a payload, or throw (e.g. a WampException).</summary>
    public Func<string, WampPayload, WampPayload> Responder { get; set; } = (_, _) => Payload.Args("{}");

    /// <summary>When set, SubscribeAsync throws this.</summary>
    public Exception? SubscribeFailure { get; set; }

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    public IReadOnlyList<string> SubscribeRequests { get { lock (_gate) { return [.. _subscribeRequests]; } } }

    /// <summary>The options of the latest SubscribeAsync.</summary>
    public WampSubscribeOptions? LastSubscribeOptions { get; private set; }

    public IReadOnlyList<FakeSubscription> ActiveSubscriptions { get { lock (_gate) { return [.. _subscriptions.Where(s => !s.Completion.IsCompleted)]; } } }

    public IReadOnlyList<FakeSubscription> AllSubscriptions { get { lock (_gate) { return [.. _subscriptions]; } } }

    public bool Disposed { get; private set; }

    public WampConnectionState State { get; private set; } = WampConnectionState.Connected;

    public IObservable<WampConnectionState> StateChanges => _states;

    public long? SessionId { get; set; } = 4242;

    /// <summary>The joined session's details; null unless a test sets them (e.g. to give the realm).</summary>
    public WampSessionDetails? SessionDetails { get; set; }

    public Exception? LastError { get; set; }

#pragma warning disable CS0067 // Part of IWampClient; nothing is restored in this fake.
    public event EventHandler<WampRestoreFailedEventArgs>? RestoreFailed;
#pragma warning restore CS0067

    public void SetState(WampConnectionState state)
    {
        State = state;
        _states.Next(state);
    }

    public Task<WampResult> CallAsync(string procedure, WampPayload payload = default, WampCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _calls.Enqueue(new RecordedCall(procedure, payload));
        WampPayload result = Responder(procedure, payload);
        return Task.FromResult(new WampResult(result, WampJson.EmptyObject));
    }

    public Task<long?> PublishAsync(string topic, WampPayload payload = default, WampPublishOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<long?>(null);

    public async Task<WampSubscription> SubscribeAsync(string topic, Func<WampEvent, CancellationToken, ValueTask> handler, WampSubscribeOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        lock (_gate)
        {
            _subscribeRequests.Add(topic);
            LastSubscribeOptions = options;
        }

        if (SubscribeFailure is not null)
        {
            throw SubscribeFailure;
        }

        var subscription = new FakeSubscription(topic, handler);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    /// <summary>Delivers an event to every live subscription on the topic, as the session would (one at a time).</summary>
    public async Task PublishEventAsync(string topic, WampPayload payload)
    {
        FakeSubscription[] targets;
        lock (_gate)
        {
            targets = [.. _subscriptions.Where(s => s.Topic == topic && !s.Completion.IsCompleted)];
        }

        foreach (FakeSubscription s in targets)
        {
            await s.Handler(new WampEvent(topic, 1, 2, payload, WampJson.EmptyObject), CancellationToken.None);
        }
    }

    public Task<WampRegistration> RegisterAsync(string procedure, WampInvocationHandler handler, WampRegisterOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The CFC client never registers procedures.");

    public Task CloseAsync(string reason = "wamp.close.normal", CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        lock (_gate)
        {
            foreach (FakeSubscription s in _subscriptions)
            {
                s.End(null);
            }
        }

        _states.Complete();
        return ValueTask.CompletedTask;
    }

    public sealed class FakeSubscription(string topic, Func<WampEvent, CancellationToken, ValueTask> handler) : WampSubscription
    {
        private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Func<WampEvent, CancellationToken, ValueTask> Handler { get; } = handler;

        public override string Topic { get; } = topic;

        public override WampMatch Match => WampMatch.Exact;

        public override long? SubscriptionId => 1;

        public override Task Completion => _completion.Task;

        public void End(Exception? error)
        {
            if (error is null) { _completion.TrySetResult(); } else { _completion.TrySetException(error); }
        }

        public override ValueTask DisposeAsync()
        {
            _completion.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StateSubject : IObservable<WampConnectionState>
    {
        private readonly List<IObserver<WampConnectionState>> _observers = [];

        public IDisposable Subscribe(IObserver<WampConnectionState> observer)
        {
            lock (_observers) { _observers.Add(observer); }
            return new Remover(() => { lock (_observers) { _observers.Remove(observer); } });
        }

        public void Next(WampConnectionState s) { foreach (var o in Snapshot()) { o.OnNext(s); } }

        public void Complete() { foreach (var o in Snapshot()) { o.OnCompleted(); } }

        private IObserver<WampConnectionState>[] Snapshot() { lock (_observers) { return [.. _observers]; } }
    }

    private sealed class Remover(Action remove) : IDisposable
    {
        public void Dispose() => remove();
    }
}

/// <summary>Payload helpers for tests: JSON text in, WampPayload out.</summary>
public static class Payload
{
    public static WampPayload Args(params string[] jsonArgs)
    {
        var b = new WampPayloadBuilder();
        foreach (string a in jsonArgs)
        {
            b.Add(WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(a)));
        }

        return b.Build();
    }

    public static string ArgsJson(WampPayload p) => p.Arguments is { } a ? a.GetRawText() : "[]";

    public static string KwargsJson(WampPayload p) => p.ArgumentsKeywords is { } k ? k.GetRawText() : "{}";

    public static JsonElement Json(string text) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(text));
}

/// <summary>Collects what an observable delivers.</summary>
public sealed class Recorder<T> : IObserver<T>
{
    private readonly List<T> _values = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _end = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Action<T>? OnNextHook { get; init; }

    public IReadOnlyList<T> Values { get { lock (_values) { return [.. _values]; } } }

    public Exception? Error { get; private set; }

    public bool Completed { get; private set; }

    public Task Ended => _end.Task.WaitAsync(TimeSpan.FromSeconds(10));

    public void OnCompleted() { Completed = true; _end.TrySetResult(); }

    public void OnError(Exception error) { Error = error; _end.TrySetResult(); }

    public void OnNext(T value)
    {
        lock (_values) { _values.Add(value); }
        _first.TrySetResult();
        OnNextHook?.Invoke(value);
    }
}

using System;
using System.Reactive.Linq;
using Cfc.Client;
using Cfc.Client.Testing;

// Deliberately NOT a namespace below Cfc.Client: inside one, C# would find Cfc.Client's extension methods in an
// enclosing namespace before it looks at the using directives, and the test would not see what an app sees.
namespace CfcRxInteropApp;

/// <summary>
/// An app that imports both <c>System</c> and <c>System.Reactive.Linq</c> (System.Reactive's extension methods) and
/// <c>Cfc.Client</c>: <c>Cfc.Client</c> adds no extension method to <see cref="IObservable{T}"/>, so lambda
/// <c>Subscribe</c> calls on other observables bind to Rx; on a <see cref="CfcEventStream{T}"/> they bind to its own
/// members (C# prefers a member to any extension method), and Rx's operators work on it as on any observable.
/// </summary>
public sealed class RxInteropTests
{
    [Fact]
    public void Lambda_subscribe_on_any_other_observable_binds_to_rx_when_both_are_imported()
    {
        var source = new CapturingObservable<int>();
        int seen = 0;
        Exception? error = null;
        bool completed = false;

        using IDisposable a = source.Subscribe(t => seen = t);
        using IDisposable b = source.Subscribe(t => seen = t, e => error = e);
        using IDisposable c = source.Subscribe(t => seen = t, () => completed = true);
        using IDisposable d = source.Subscribe(t => seen = t, e => error = e, () => completed = true);

        Assert.Equal(4, source.Observers.Count);
        Assert.All(source.Observers, o => Assert.StartsWith("System.Reactive", o.GetType().Namespace, StringComparison.Ordinal));
        source.Observers[3].OnNext(3);
        Assert.Equal(3, seen);
        source.Observers[1].OnError(new InvalidOperationException("x"));
        Assert.IsType<InvalidOperationException>(error);
        source.Observers[2].OnCompleted();
        Assert.True(completed);
    }

    [Fact]
    public async Task The_api_md_example_compiles_and_runs_next_to_rx()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(50) });
        using var key = CryptosignKey.Generate();
        fake.AddUser("alice@example.com", key.PublicKeyHex);
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = CfcRealms.Global,
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
        });
        var tick = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);

        using IDisposable subscription = client.System.OnTick.Subscribe(t => tick.TrySetResult(t.Tick!.Value));

        Assert.True(await tick.Task.WaitAsync(TimeSpan.FromSeconds(10)) > 0);
    }

    [Fact]
    public async Task Lambda_subscribe_on_an_sdk_stream_binds_to_the_stream_and_rx_operators_still_compose()
    {
        await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(50) });
        using var key = CryptosignKey.Generate();
        fake.AddUser("alice@example.com", key.PublicKeyHex);
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Realm = CfcRealms.Global,
            Authenticator = CfcAuthenticator.Cryptosign(key, "alice@example.com"),
        });

        // The stream's own member, not Rx's extension: its result is the SDK's subscription.
        using IDisposable own = client.System.OnTick.Subscribe(_ => { });
        Assert.IsAssignableFrom<CfcEventSubscription>(own);

        // The stream's Where keeps the stream type (and SubscribeAsync); Rx's operators take it as any IObservable.
        CfcEventStream<TickEvent> even = client.System.OnTick.Where(t => t.Tick % 2 == 0);
        IList<long> ticks = await Observable.ToList(Observable.Take(even.Select(t => t.Tick!.Value), 3)).Timeout(TimeSpan.FromSeconds(10));

        Assert.Equal(3, ticks.Count);
        Assert.All(ticks, t => Assert.Equal(0, t % 2));
        Assert.True(ticks[0] < ticks[1] && ticks[1] < ticks[2]);
    }

    private sealed class CapturingObservable<T> : IObservable<T>
    {
        public List<IObserver<T>> Observers { get; } = [];

        public IDisposable Subscribe(IObserver<T> observer)
        {
            Observers.Add(observer);
            return new Noop();
        }

        private sealed class Noop : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}

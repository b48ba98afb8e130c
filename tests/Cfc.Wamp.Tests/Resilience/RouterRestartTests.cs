using System.Collections.Concurrent;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class RouterRestartTests
{
    [Fact(Timeout = 30000)]
    public async Task Events_resume_on_the_same_handler_without_duplicates_after_the_router_restarts_on_the_same_port()
    {
        WampRouterHost host = await WampRouterHost.StartNewAsync();
        int port = host.Url.Port;
        try
        {
            await using WampClient subscriber = await Harness.ConnectAsync(host);
            await using WampClient publisher = await Harness.ConnectAsync(host);
            var seen = new ConcurrentQueue<long>();
            WampSubscription subscription = await subscriber.SubscribeAsync("com.app.tick", (e, _) =>
            {
                seen.Enqueue(e.Payload[0].GetInt64());
                return default;
            });
            long? firstSession = subscriber.SessionId;

            for (long i = 1; i <= 5; i++)
            {
                await publisher.PublishAsync("com.app.tick", Harness.Args(i), new WampPublishOptions { Acknowledge = true });
            }

            await Eventually.HoldsAsync(() => seen.Count == 5, "the first five events", Harness.Wait);

            // Why the session ended is read the moment the client turns Reconnecting (the client sets LastError
            // first, and notifies under the same lock): a failed attempt while the router is down overwrites
            // LastError later, which is right for LastError but not what this test is about.
            var states = new ConcurrentQueue<WampConnectionState>();
            Exception? endedWith = null;
            IDisposable watch = subscriber.StateChanges.Subscribe(new StateObserver(state =>
            {
                if (state == WampConnectionState.Reconnecting)
                {
                    Interlocked.CompareExchange(ref endedWith, subscriber.LastError, null);
                }

                states.Enqueue(state);
            }));

            // Restart: the old router says GOODBYE system_shutdown; a new one listens on the same port.
            await host.DisposeAsync();
            await Eventually.HoldsAsync(() => subscriber.State == WampConnectionState.Reconnecting, "Reconnecting", Harness.Wait);
            host = new WampRouterHost(options: new WampRouterHostOptions { Port = port });
            await host.StartAsync();

            await Harness.ReconnectedAsync(subscriber, firstSession);
            watch.Dispose();
            await Harness.ReconnectedAsync(publisher, null);
            for (long i = 6; i <= 10; i++)
            {
                await publisher.PublishAsync("com.app.tick", Harness.Args(i), new WampPublishOptions { Acknowledge = true });
            }

            await Eventually.HoldsAsync(() => seen.Count >= 10, "the next five events", Harness.Wait);

            // One publisher's events arrive in order: once a marker published after them is in, a duplicate would be too.
            await publisher.PublishAsync("com.app.tick", Harness.Args(11), new WampPublishOptions { Acknowledge = true });
            await Eventually.HoldsAsync(() => seen.Contains(11), "the marker event", Harness.Wait);
            Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], seen.ToArray());
            Assert.NotNull(subscription.SubscriptionId);
            Assert.False(subscription.Completion.IsCompleted);

            // The router's GOODBYE system_shutdown ended the session and was retried (it is the only GOODBYE
            // that is): Reconnecting, then Connected, with nothing in between (no Failed, no Disconnected).
            WampException goodbye = Assert.IsType<WampException>(Volatile.Read(ref endedWith));
            Assert.Equal("wamp.close.system_shutdown", goodbye.ErrorUri);
            Assert.Equal([WampConnectionState.Reconnecting, WampConnectionState.Connected], states.ToArray());
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact(Timeout = 30000)]
    public async Task A_registration_is_callable_again_after_the_connections_drop()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using WampClient callee = await Harness.ConnectAsync(host);
        await using WampClient caller = await Harness.ConnectAsync(host);
        WampRegistration registration = await callee.RegisterAsync("com.app.add", (inv, _) =>
            ValueTask.FromResult(Harness.Args(inv.Payload[0].GetInt64() + inv.Payload[1].GetInt64())));
        long? firstId = registration.RegistrationId;
        Assert.Equal(5, (await caller.CallAsync("com.app.add", Harness.Args(2, 3))).Payload[0].GetInt64());

        long? calleeSession = callee.SessionId;
        await host.Router.DropAllConnectionsAsync();
        await Harness.ReconnectedAsync(callee, calleeSession);
        await Eventually.HoldsAsync(() => caller.State == WampConnectionState.Connected, "the caller reconnected", Harness.Wait);

        Assert.Equal(42, (await caller.CallAsync("com.app.add", Harness.Args(40, 2))).Payload[0].GetInt64());
        Assert.NotNull(registration.RegistrationId);
        Assert.NotEqual(firstId, registration.RegistrationId);
        Assert.Equal(1, callee.Registry.RegistrationCount);
    }

    private sealed class StateObserver(Action<WampConnectionState> onNext) : IObserver<WampConnectionState>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(WampConnectionState value) => onNext(value);
    }
}

using Cfc.Wamp.Router;

namespace Cfc.Wamp.Tests.Resilience;

public sealed class QueuedWorkTests
{
    [Fact(Timeout = 30000)]
    public async Task A_call_in_flight_when_the_connection_drops_fails_at_once_and_is_not_replayed()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using WampClient callee = await Harness.ConnectAsync(host);
        await using WampClient caller = await Harness.ConnectAsync(host);
        int invocations = 0;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await callee.RegisterAsync("com.app.marker", (_, _) => ValueTask.FromResult(Harness.Args(1)));
        await callee.RegisterAsync("com.app.slow", async (_, ct) =>
        {
            Interlocked.Increment(ref invocations);
            started.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return default;
        });

        Task<WampResult> call = caller.CallAsync("com.app.slow");
        await started.Task.WaitAsync(Harness.Wait);
        long? session = caller.SessionId;
        await host.Router.DropAllConnectionsAsync();

        // Both peers are dropped; the router may first tell the caller that the callee left (wamp.error.canceled)
        // before the caller's own connection goes. Either way the call ends at once and is not replayed.
        var ex = await Assert.ThrowsAnyAsync<WampException>(() => call.WaitAsync(TimeSpan.FromSeconds(3)));
        if (ex is WampConnectionLostException)
        {
            Assert.Contains("pending", ex.Message);
        }
        else
        {
            Assert.Equal("wamp.error.canceled", ex.ErrorUri);
        }
        await Harness.ReconnectedAsync(caller, session);
        await Eventually.HoldsAsync(() => callee.State == WampConnectionState.Connected, "the callee reconnected", Harness.Wait);

        // A replayed CALL would go out when the session is restored, before any new call; so once a later call has
        // been answered through the same callee, a replay would already show (as a second invocation, a pending call).
        // (Connected means the callee's registrations are restored.)
        Assert.Equal(1, (await caller.CallAsync("com.app.marker").WaitAsync(Harness.Wait)).Payload[0].GetInt64());
        Assert.Equal(1, Volatile.Read(ref invocations));
        Assert.Equal(0, caller.PendingRequestCount);
    }

    [Fact(Timeout = 30000)]
    public async Task Work_started_while_reconnecting_waits_for_the_restored_session_and_then_succeeds()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using WampClient client = await Harness.ConnectAsync(host);
        await client.RegisterAsync("com.app.echo", (inv, _) => ValueTask.FromResult(inv.Payload));
        var events = new List<long>();
        await client.SubscribeAsync("com.app.news", (e, _) =>
        {
            lock (events)
            {
                events.Add(e.Payload[0].GetInt64());
            }

            return default;
        });

        host.Router.RefuseNewConnections = true;
        await host.Router.DropAllConnectionsAsync();
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Reconnecting, "Reconnecting", Harness.Wait);
        await Eventually.HoldsAsync(() => client.ReconnectAttempt >= 2, "a refused attempt", Harness.Wait);

        // Queued: the procedure is our own registration, which must be restored before the call goes out.
        Task<WampResult> call = client.CallAsync("com.app.echo", Harness.Args(7));
        Task<long?> publish = client.PublishAsync("com.app.news", Harness.Args(1), new WampPublishOptions { Acknowledge = true, ExcludeMe = false });
        Task<WampSubscription> subscribe = client.SubscribeAsync("com.app.other", (_, _) => default);

        // Another refused attempt after the work was queued: the failed attempt must not have failed the queued work.
        int attempt = client.ReconnectAttempt;
        await Eventually.HoldsAsync(() => client.ReconnectAttempt > attempt, "one more refused attempt", Harness.Wait);
        Assert.False(call.IsCompleted);
        Assert.False(publish.IsCompleted);
        Assert.False(subscribe.IsCompleted);

        host.Router.RefuseNewConnections = false;
        Assert.Equal(7, (await call.WaitAsync(Harness.Wait)).Payload[0].GetInt64());
        Assert.NotNull(await publish.WaitAsync(Harness.Wait));
        Assert.NotNull((await subscribe.WaitAsync(Harness.Wait)).SubscriptionId);
        await Eventually.HoldsAsync(() => { lock (events) { return events.Count == 1; } }, "the queued publication's event", Harness.Wait);
        Assert.Equal(2, client.Registry.SubscriptionCount);
        Assert.Equal(WampConnectionState.Connected, client.State);
    }

    [Fact(Timeout = 30000)]
    public async Task Work_started_while_reconnecting_fails_after_the_queue_timeout_saying_why()
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync();
        await using WampClient client = await Harness.ConnectAsync(host, Harness.FastReconnect with { QueueTimeout = TimeSpan.FromMilliseconds(300) });
        host.Router.RefuseNewConnections = true;
        await host.Router.DropAllConnectionsAsync();
        await Eventually.HoldsAsync(() => client.State == WampConnectionState.Reconnecting, "Reconnecting", Harness.Wait);

        var ex = await Assert.ThrowsAsync<WampTimeoutException>(() => client.CallAsync("com.app.any").WaitAsync(Harness.Wait));
        Assert.Contains("reconnecting", ex.Message);
        Assert.Contains("attempt", ex.Message);
        Assert.Contains("com.app.any", ex.Message);

        // The token bounds the wait too.
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.PublishAsync("com.app.t", default, null, cts.Token).WaitAsync(Harness.Wait));

        host.Router.RefuseNewConnections = false;
        await Harness.ReconnectedAsync(client, null);
    }
}

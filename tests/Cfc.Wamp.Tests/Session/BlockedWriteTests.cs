using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

/// <summary>
/// The peer stops reading (TCP window full, keep-alive off): writes block. A request's timeout and token must still
/// end it, counted from the call, not from a write that never ends.
/// </summary>
public sealed class BlockedWriteTests
{
    // A hang guard only: the 200 ms timeout must end the call long before this.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(3);

    [Fact(Timeout = 20000)]
    public async Task Call_times_out_while_its_write_is_blocked_and_a_late_write_only_brings_the_cancel()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.BlockSends();
            Task<WampResult> call = client.CallAsync("com.slow", default, new WampCallOptions { Timeout = TimeSpan.FromMilliseconds(200) });

            var ex = await Assert.ThrowsAsync<WampTimeoutException>(() => call.WaitAsync(Bound));
            Assert.Contains("still waiting to be written", ex.Message);
            Assert.Equal(0, client.PendingRequestCount);
            Assert.Equal(1, router.BlockedSends);

            // The write completes late: the CALL reaches the router, so the CANCEL owed follows; nothing comes back to life.
            router.ReleaseSends();
            Assert.Equal(1, (await router.NextAsync<CallMessage>()).RequestId);
            Assert.Equal(1, (await router.NextAsync<CancelMessage>()).RequestId);
            router.Push("""[50, 1, {}, [1]]""");
            Assert.IsType<WampTimeoutException>(call.Exception?.InnerException);

            Task<WampResult> next = client.CallAsync("com.next");
            Assert.Equal(2, (await router.NextAsync<CallMessage>()).RequestId);
            router.Push("""[50, 2, {}]""");
            await next.Within();
            Assert.Equal(WampConnectionState.Connected, client.State);
            Assert.Equal(0, client.PendingRequestCount);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Cancelled_calls_end_at_once_while_writes_are_blocked_and_an_unwritten_call_gets_no_cancel()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.BlockSends();
            using var first = new CancellationTokenSource();
            using var second = new CancellationTokenSource();
            Task<WampResult> inWrite = client.CallAsync("com.a", default, null, first.Token);
            await Eventually.HoldsAsync(() => router.BlockedSends == 1, ScriptedTransport.Wait);
            Task<WampResult> queued = client.CallAsync("com.b", default, null, second.Token);

            await first.CancelAsync();
            await second.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => inWrite.WaitAsync(Bound));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(Bound));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("com.c", default, null, second.Token).WaitAsync(Bound));
            Assert.Equal(0, client.PendingRequestCount);

            // The CALL that was in the write goes out, then its CANCEL; the queued one is never written nor cancelled.
            router.ReleaseSends();
            Assert.Equal("com.a", (await router.NextAsync<CallMessage>()).Procedure);
            Assert.Equal(1, (await router.NextAsync<CancelMessage>()).RequestId);
            await router.AssertNothingMoreSentAsync(client);
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Subscribe_times_out_while_its_write_is_blocked()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        await using (client)
        {
            router.BlockSends();
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => ValueTask.CompletedTask);
            await Assert.ThrowsAsync<WampTimeoutException>(() => subscribe.WaitAsync(Bound));

            // Written late: the router's SUBSCRIBED is undone, as for any subscribe given up on.
            router.ReleaseSends();
            SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
            router.Push($"[33, {sent.RequestId}, 77]");
            Assert.Equal(77, (await router.NextAsync<UnsubscribeMessage>()).SubscriptionId);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Acknowledged_publish_queued_behind_a_blocked_write_times_out_and_is_never_written()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        await using (client)
        {
            router.BlockSends();
            Task<long?> inWrite = client.PublishAsync("com.a");
            await Eventually.HoldsAsync(() => router.BlockedSends == 1, ScriptedTransport.Wait);
            Task<long?> queued = client.PublishAsync("com.b", default, new WampPublishOptions { Acknowledge = true });
            await Assert.ThrowsAsync<WampTimeoutException>(() => queued.WaitAsync(Bound));
            Assert.Equal(0, client.PendingRequestCount);

            router.ReleaseSends();
            await inWrite.Within();
            Assert.Equal("com.a", (await router.NextAsync<PublishMessage>()).Topic);
            await router.AssertNothingMoreSentAsync(client);
        }
    }
}

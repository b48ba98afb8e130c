using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

/// <summary>The session's one writer: a bounded queue, and "cancelled before it was written" means "dropped from the queue".</summary>
public sealed class SessionWriterTests
{
    [Fact(Timeout = 20000)]
    public async Task A_call_cancelled_while_it_waits_in_the_write_queue_ends_at_once_and_is_never_written()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.BlockSends();
            Task<WampResult> first = client.CallAsync("com.first");
            await Eventually.HoldsAsync(() => router.BlockedSends == 1, ScriptedTransport.Wait);

            using var cancel = new CancellationTokenSource();
            Task<WampResult> dropped = client.CallAsync("com.dropped", default, null, cancel.Token);
            Task<WampResult> last = client.CallAsync("com.last");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dropped.Within());

            router.ReleaseSends();
            Assert.Equal("com.first", (await router.NextAsync<CallMessage>()).Procedure);
            Assert.Equal("com.last", (await router.NextAsync<CallMessage>()).Procedure);
            Assert.False(first.IsCompleted);
            Assert.False(last.IsCompleted);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Calls_beyond_the_write_queue_bound_wait_for_room_and_all_go_out()
    {
        const int Calls = 20;
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { MaxQueuedMessages = 2 });
        await using (client)
        {
            router.BlockSends();
            var calls = new Task<WampResult>[Calls];
            for (int i = 0; i < Calls; i++)
            {
                calls[i] = client.CallAsync($"com.call{i}");
            }

            router.ReleaseSends();
            var written = new HashSet<string>();
            for (int i = 0; i < Calls; i++)
            {
                written.Add((await router.NextAsync<CallMessage>()).Procedure);
            }

            Assert.Equal(Enumerable.Range(0, Calls).Select(i => $"com.call{i}").ToHashSet(), written);
            Assert.DoesNotContain(calls, c => c.IsCompleted);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Messages_sent_from_many_threads_at_once_are_all_written_each_threads_in_its_order()
    {
        const int Threads = 8;
        const int PerThread = 200;
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            // Whoever finds the writer idle writes on its own thread; the others queue behind it: nothing is lost or reordered.
            Task[] publishers = Enumerable.Range(0, Threads).Select(t => Task.Run(async () =>
            {
                for (int i = 0; i < PerThread; i++)
                {
                    await client.PublishAsync($"com.t{t}", TestRouter.Args(i));
                }
            })).ToArray();
            await Task.WhenAll(publishers).Within();

            int[] next = new int[Threads];
            for (int n = 0; n < Threads * PerThread; n++)
            {
                PublishMessage m = await router.NextAsync<PublishMessage>();
                int t = int.Parse(m.Topic["com.t".Length..], System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(next[t]++, m.Payload[0].GetInt32());
            }

            Assert.All(next, count => Assert.Equal(PerThread, count));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task A_write_that_has_to_wait_does_not_hold_the_thread_that_queued_it_and_what_follows_goes_out_after_it()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            router.BlockSends();
            Task<long?> first = client.PublishAsync("com.first");
            await Eventually.HoldsAsync(() => router.BlockedSends == 1, ScriptedTransport.Wait);

            // The caller's thread comes back at once although the transport does not take the first message yet.
            Task<WampResult> call = client.CallAsync("com.second");
            Task<long?> third = client.PublishAsync("com.third");
            Assert.False(third.IsCompleted);

            router.ReleaseSends();
            await first.Within();
            await third.Within();
            Assert.Equal("com.first", (await router.NextAsync<PublishMessage>()).Topic);
            Assert.Equal("com.second", (await router.NextAsync<CallMessage>()).Procedure);
            Assert.Equal("com.third", (await router.NextAsync<PublishMessage>()).Topic);
            Assert.False(call.IsCompleted);
        }
    }

    [Fact]
    public void The_write_queue_bound_is_documented_and_validated()
    {
        Assert.Equal(1_024, new WampClientOptions().MaxQueuedMessages);
        Assert.Throws<ArgumentException>(() => new WampClientOptions { Url = new Uri("ws://127.0.0.1:1/ws"), Realm = "r", MaxQueuedMessages = 0 }.Validate());
    }
}

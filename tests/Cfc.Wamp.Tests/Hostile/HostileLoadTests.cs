using System.Collections.Concurrent;
using System.Text.Json;
using Cfc.Wamp.Messages;
using Cfc.Wamp.Session;
using Cfc.Wamp.Tests.Session;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// A hostile router that decides how much work and memory the client spends: floods of INVOCATIONs and EVENTs while it
/// does not read, and calls it never answers. Every figure is asserted in counts and bytes (and the fake clock), never
/// in wall-clock time, so the tests do not depend on the machine's speed; the figures are printed for the record.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class HostileLoadTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120000)]
    public async Task One_hundred_thousand_unanswered_calls_with_a_20_s_timeout_all_fail_at_20_s_on_one_timer_and_send_their_cancels()
    {
        const int Calls = 100_000;
        var clock = new FakeTimeProvider();
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = clock, CallTimeout = TimeSpan.FromSeconds(20) });
        await using (client)
        {
            var calls = new Task<WampResult>[Calls];
            for (int i = 0; i < Calls; i++)
            {
                calls[i] = client.CallAsync("com.example.never");
            }

            for (int i = 0; i < Calls; i++)
            {
                await router.NextAsync<CallMessage>();
            }

            // O(1) per call: one timer for all of them (before: one each, and an O(n) count in every timeout message).
            Assert.Equal(1, client.CurrentSession!.Deadlines.TimerCount);

            // The one timer callback runs inside Advance and takes every expired call out of the pending table there
            // and then. (The tasks the application awaits complete a moment later on the thread pool: the pending
            // calls' completions run their continuations asynchronously, so IsCompleted right after Advance is a race.)
            clock.Advance(TimeSpan.FromSeconds(19.9));
            Assert.Equal(Calls, client.PendingRequestCount);

            clock.Advance(TimeSpan.FromSeconds(0.1));
            Assert.Equal(0, client.PendingRequestCount);
            await Assert.ThrowsAsync<WampTimeoutException>(() => Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30)));
            int timedOut = 0;
            foreach (Task<WampResult> call in calls)
            {
                // Expired at 20 s on the fake clock, which does not move again in this test.
                WampTimeoutException ex = await Assert.ThrowsAsync<WampTimeoutException>(() => call);
                timedOut++;
                if (timedOut == 1)
                {
                    Assert.Contains("other call(s) waiting", ex.Message);
                }
            }

            int cancels = 0;
            while (cancels < Calls)
            {
                Assert.IsType<CancelMessage>(await router.NextAsync());
                cancels++;
            }

            output.WriteLine($"{Calls} unanswered calls: {timedOut} timed out at fake 20.0 s (none at 19.9 s), {cancels} CANCELs reached the router, 1 timer");
            Assert.Equal(0, client.PendingRequestCount);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Invocations_for_an_unknown_registration_while_the_router_does_not_read_queue_at_most_the_bound_and_the_rest_are_dropped_and_logged()
    {
        const int Invocations = 50_000;
        var logs = new LogCapture();
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { LoggerFactory = logs, MaxQueuedControlMessages = 500 });
        await using (client)
        {
            SessionWriter control = client.CurrentSession!.Writer;
            router.BlockSends();
            for (int i = 1; i <= Invocations; i++)
            {
                router.Push($"[68, {i}, 999, {{}}]");
            }

            // One ERROR is stuck in the blocked write; 500 wait; everything else was dropped, counted and logged.
            await Eventually.HoldsAsync(() => control.Dropped + control.QueuedDroppable + 1 >= Invocations, ScriptedTransport.Wait);
            output.WriteLine($"{Invocations} INVOCATIONs for an unknown registration, router not reading: {control.QueuedDroppable} ERRORs queued (bound 500), {control.Dropped} dropped, {logs.Count(1021)} warnings logged");
            Assert.True(control.QueuedDroppable <= 500);
            Assert.True(control.Dropped >= Invocations - 501);
            Assert.InRange(logs.Count(1021), 1, 1 + (Invocations / 1000));

            router.ReleaseSends();
        }
    }

    [Fact(Timeout = 60000)]
    public async Task Invocations_beyond_a_registrations_concurrency_bound_are_refused_with_unavailable()
    {
        const int Invocations = 1_000;
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            int running = 0;
            int peak = 0;
            Task<WampRegistration> register = client.RegisterAsync("com.example.slow", async (inv, ct) =>
            {
                int now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await release.Task;
                Interlocked.Decrement(ref running);
                return default;
            }, new WampRegisterOptions { MaxConcurrentInvocations = 10 });
            RegisterMessage sent = await router.NextAsync<RegisterMessage>();
            router.Push($"[65, {sent.RequestId}, 77]");
            await using WampRegistration registration = await register.Within();

            for (int i = 1; i <= Invocations; i++)
            {
                router.Push($"[68, {i}, 77, {{}}]");
            }

            int refused = 0;
            while (refused < Invocations - 10)
            {
                ErrorMessage error = await router.NextAsync<ErrorMessage>();
                Assert.Equal("wamp.error.unavailable", error.ErrorUri);
                refused++;
            }

            await Eventually.HoldsAsync(() => Volatile.Read(ref running) == 10, ScriptedTransport.Wait);
            release.SetResult();
            for (int i = 0; i < 10; i++)
            {
                await router.NextAsync<YieldMessage>();
            }

            output.WriteLine($"{Invocations} INVOCATIONs, MaxConcurrentInvocations 10: peak {peak} handlers running, {refused} refused with wamp.error.unavailable");
            Assert.Equal(10, peak);
        }
    }

    [Fact(Timeout = 60000)]
    public async Task A_caller_that_calls_again_as_soon_as_it_has_the_answer_is_never_refused()
    {
        // The slot of an invocation is free once its answer is on its way: the router may route the next INVOCATION
        // the moment it has the YIELD, before the client's send of that YIELD has returned.
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampRegistration> register = client.RegisterAsync("com.example.one", (_, _) => ValueTask.FromResult(default(WampPayload)),
                new WampRegisterOptions { MaxConcurrentInvocations = 1 });
            RegisterMessage sent = await router.NextAsync<RegisterMessage>();
            router.Push($"[65, {sent.RequestId}, 78]");
            await using WampRegistration registration = await register.Within();

            // An event after INVOCATION 2 tells the test that the reader loop has handled INVOCATION 2.
            var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.example.marker", (_, _) => { marker.TrySetResult(); return ValueTask.CompletedTask; });
            SubscribeMessage subscribeSent = await router.NextAsync<SubscribeMessage>();
            router.Push($"[33, {subscribeSent.RequestId}, 79]");
            await using WampSubscription subscription = await subscribe.Within();

            router.HoldSendCompletions();
            router.Push("[68, 1, 78, {}]");
            Assert.Equal(1, (await router.NextAsync<YieldMessage>()).RequestId);
            router.Push("[68, 2, 78, {}]");
            router.Push("[36, 79, 1, {}]");
            await marker.Task.Within();
            router.CompleteSends();

            WampMessage answer = await router.NextAsync();
            Assert.Equal(2, Assert.IsType<YieldMessage>(answer).RequestId);
        }
    }

    [Fact]
    public void The_documented_defaults_of_the_bounds_hold()
    {
        Assert.Equal(100, new WampRegisterOptions().MaxConcurrentInvocations);
        Assert.Equal(16L * 1024 * 1024, new WampSubscribeOptions().MaxQueuedEventBytes);
        Assert.Equal(1_000, new WampClientOptions().MaxQueuedControlMessages);
        Assert.Throws<ArgumentOutOfRangeException>(() => new WampRegisterOptions { MaxConcurrentInvocations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new WampSubscribeOptions { MaxQueuedEventBytes = 0 });
    }

    [Fact(Timeout = 60000)]
    public async Task Events_of_100_KiB_for_a_stuck_handler_are_bounded_in_bytes_not_only_in_count()
    {
        const int Events = 2_000;
        const long Bound = 4L * 1024 * 1024;
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var stuck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.example.big", async (_, _) => await stuck.Task, new WampSubscribeOptions { MaxQueuedEventBytes = Bound });
            SubscribeMessage sent = await router.NextAsync<SubscribeMessage>();
            router.Push($"[33, {sent.RequestId}, 55]");
            var subscription = (ClientSubscription)await subscribe.Within();

            string blob = JsonSerializer.Serialize(new string('z', 100 * 1024));
            long peakBytes = 0;
            for (int i = 1; i <= Events; i++)
            {
                router.Push($"[36, 55, {i}, {{}}, [{blob}]]");
            }

            await Eventually.HoldsAsync(
                () =>
                {
                    peakBytes = Math.Max(peakBytes, subscription.QueuedEventBytes);
                    return subscription.DroppedEvents + (subscription.QueuedEventBytes / (100 * 1024)) + 1 >= Events;
                },
                "every event queued or dropped",
                ScriptedTransport.Wait);

            output.WriteLine($"{Events} events of 100 KiB to a stuck handler: {subscription.QueuedEventBytes / 1024} KiB queued (bound {Bound / 1024} KiB), {subscription.DroppedEvents} dropped");
            Assert.True(subscription.QueuedEventBytes <= Bound, $"{subscription.QueuedEventBytes} bytes queued");
            Assert.True(peakBytes <= Bound);
            Assert.True(subscription.DroppedEvents >= Events - (Bound / (100 * 1024)) - 1);
            stuck.SetResult();
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

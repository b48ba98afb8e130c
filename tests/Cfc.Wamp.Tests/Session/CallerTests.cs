using System.Collections.Concurrent;
using Cfc.Wamp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Session;

public sealed class CallerTests
{
    [Fact(Timeout = 20000)]
    public async Task Call_sends_call_and_returns_the_result()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.math.add", TestRouter.Args(2, 3));
            CallMessage sent = await router.NextAsync<CallMessage>();
            Assert.Equal(1, sent.RequestId);
            Assert.Equal("{}", sent.Options.GetRawText());
            Assert.Equal("com.math.add", sent.Procedure);
            Assert.Equal("[2,3]", TestRouter.Raw(sent.Payload.Arguments));

            router.Push("""[50, 1, {}, [5], {"unit": "apples"}]""");
            WampResult result = await call.Within();
            Assert.Equal(5, result.Payload[0].GetInt32());
            Assert.Equal("apples", result.Payload.ArgumentsKeywords!.Value.GetProperty("unit").GetString());
            Assert.False(result.IsProgress);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Call_error_carries_uri_args_kwargs_and_details()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.x");
            await router.NextAsync<CallMessage>();
            router.Push("""[8, 48, 1, {"callee": 7}, "com.x.error.bad", ["it broke", 2], {"code": 42}]""");

            var ex = await Assert.ThrowsAsync<WampException>(() => call.Within());
            Assert.Equal("com.x.error.bad", ex.ErrorUri);
            Assert.Equal("it broke", ex.Arguments!.Value[0].GetString());
            Assert.Equal(2, ex.Arguments.Value[1].GetInt32());
            Assert.Equal(42, ex.ArgumentsKeywords!.Value.GetProperty("code").GetInt32());
            Assert.Equal("""{"callee": 7}""", TestRouter.Raw(ex.Details));
            Assert.Equal("com.x.error.bad: it broke", ex.Message);
            Assert.Equal(WampErrorSource.Router, ex.ErrorSource);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Progressive_results_reach_on_progress_in_order_before_the_final_result()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            var seen = new ConcurrentQueue<int>();
            Task<WampResult> call = client.CallAsync("com.count", default, new WampCallOptions
            {
                OnProgress = r =>
                {
                    Thread.Sleep(20); // slow callback: the final result must still come after it
                    seen.Enqueue(r.Payload[0].GetInt32());
                    Assert.True(r.IsProgress);
                },
                DiscloseMe = true,
            });
            CallMessage sent = await router.NextAsync<CallMessage>();
            Assert.Equal("""{"receive_progress":true,"disclose_me":true}""", sent.Options.GetRawText());

            for (int i = 1; i <= 5; i++)
            {
                router.Push($$"""[50, 1, {"progress": true}, [{{i}}]]""");
            }

            router.Push("""[50, 1, {}, [99]]""");
            WampResult result = await call.Within();
            Assert.Equal([1, 2, 3, 4, 5], seen.ToArray());
            Assert.Equal(99, result.Payload[0].GetInt32());
        }
    }

    [Theory(Timeout = 20000)]
    [InlineData(WampCancelMode.KillNoWait, "killnowait")]
    [InlineData(WampCancelMode.Kill, "kill")]
    [InlineData(WampCancelMode.Skip, "skip")]
    public async Task Cancelled_call_sends_cancel_with_its_mode_and_ends_at_once(WampCancelMode mode, string wire)
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            using var cts = new CancellationTokenSource();
            Task<WampResult> call = client.CallAsync("com.slow", default, new WampCallOptions { CancelMode = mode }, cts.Token);
            await router.NextAsync<CallMessage>();

            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
            CancelMessage cancel = await router.NextAsync<CancelMessage>();
            Assert.Equal(1, cancel.RequestId);
            Assert.Equal($$"""{"mode":"{{wire}}"}""", cancel.Options.GetRawText());

            // The router's late answer is dropped quietly; the session stays up.
            router.Push("""[8, 48, 1, {}, "wamp.error.canceled"]""");
            Task<WampResult> next = client.CallAsync("com.next");
            CallMessage second = await router.NextAsync<CallMessage>();
            Assert.Equal(2, second.RequestId);
            router.Push("""[50, 2, {}]""");
            await next.Within();
            Assert.Equal(WampConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Client_cancel_mode_is_used_when_the_call_names_none()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { CancelMode = WampCancelMode.Skip });
        await using (client)
        {
            using var cts = new CancellationTokenSource();
            Task<WampResult> call = client.CallAsync("com.slow", cancellationToken: cts.Token);
            await router.NextAsync<CallMessage>();
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.Within());
            Assert.Equal("""{"mode":"skip"}""", (await router.NextAsync<CancelMessage>()).Options.GetRawText());
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Call_that_times_out_sends_cancel_and_fails_with_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = time, CallTimeout = TimeSpan.FromSeconds(60) });
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.slow", default, new WampCallOptions { Timeout = TimeSpan.FromSeconds(3) });
            await router.NextAsync<CallMessage>();

            // The deadline is armed before the CALL is queued, and the fake clock fires it inside Advance.
            time.Advance(TimeSpan.FromSeconds(2.9));
            Assert.Equal(1, client.PendingRequestCount);
            time.Advance(TimeSpan.FromSeconds(0.1));
            Assert.Equal(0, client.PendingRequestCount);

            var ex = await Assert.ThrowsAsync<WampTimeoutException>(() => call.Within());
            Assert.Contains("com.slow", ex.Message);
            Assert.Contains("realm1", ex.Message);
            CancelMessage cancel = await router.NextAsync<CancelMessage>();
            Assert.Equal(1, cancel.RequestId);
            Assert.Equal("""{"mode":"killnowait"}""", cancel.Options.GetRawText());

            // A late RESULT for the timed-out call is ignored, not a protocol violation.
            router.Push("""[50, 1, {}, [1]]""");
            Task<WampResult> next = client.CallAsync("com.next");
            await router.NextAsync<CallMessage>();
            router.Push("""[50, 2, {}]""");
            await next.Within();
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Client_call_timeout_applies_when_the_call_sets_none()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { TimeProvider = time, CallTimeout = TimeSpan.FromSeconds(10) });
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.slow");
            await router.NextAsync<CallMessage>();
            // The deadline was set before the CALL was queued, and it fires inside Advance: not at 5 s, at 10 s.
            time.Advance(TimeSpan.FromSeconds(5));
            Assert.False(call.IsCompleted);
            time.Advance(TimeSpan.FromSeconds(5));
            await Assert.ThrowsAsync<WampTimeoutException>(() => call.Within());
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Oversized_call_fails_only_that_call()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync(o => o with { MaxMessageSize = 1024 });
        await using (client)
        {
            var ex = await Assert.ThrowsAsync<WampException>(() => client.CallAsync("com.big", TestRouter.Args(new string('x', 2000))).Within());
            Assert.Equal("wamp.error.payload_size_exceeded", ex.ErrorUri);

            Task<WampResult> next = client.CallAsync("com.small");
            CallMessage sent = await router.NextAsync<CallMessage>();
            Assert.Equal("com.small", sent.Procedure);
            router.Push($"[50, {sent.RequestId}, {{}}]");
            await next.Within();
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Request_ids_are_sequential_across_request_types()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            _ = client.CallAsync("com.a");
            _ = client.PublishAsync("com.t");
            _ = client.SubscribeAsync("com.t", (_, _) => ValueTask.CompletedTask);
            Assert.Equal(1, (await router.NextAsync<CallMessage>()).RequestId);
            Assert.Equal(2, (await router.NextAsync<PublishMessage>()).RequestId);
            Assert.Equal(3, (await router.NextAsync<SubscribeMessage>()).RequestId);
        }
    }

    [Fact]
    public void Request_ids_wrap_to_one_after_two_to_the_53()
    {
        var ids = new Cfc.Wamp.Session.RequestIdGenerator(WampMessageCodec.MaxId - 1);
        Assert.Equal(WampMessageCodec.MaxId, ids.Next());
        Assert.Equal(1, ids.Next());
        Assert.Equal(2, ids.Next());
    }
}

using Cfc.Wamp.Router;
using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Telemetry;

/// <summary>With nobody listening, telemetry records nothing and allocates nothing; measured, not assumed.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryAllocationTests(ITestOutputHelper output)
{
    private const int Rounds = 1000;

    [Fact]
    public void Every_hook_allocates_nothing_when_nobody_listens()
    {
        var @event = new WampEvent("com.x", 1, 2, default, default);
        Hooks(@event);   // JIT and static initialisation first

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            Hooks(@event);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"telemetry hooks, no listener: {allocated} bytes for {Rounds} rounds of every hook");
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void With_a_listener_the_hooks_do_record()
    {
        var @event = new WampEvent("com.x", 1, 2, default, default);
        using var recorder = new TelemetryRecorder();
        Hooks(@event);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Hooks(@event);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"telemetry hooks, with a listener: {allocated} bytes for one round");
        Assert.True(allocated > 0);
        Assert.Contains(recorder.Spans, s => s.DisplayName == "com.x");
        Assert.Contains(recorder.Measurements, m => m.Instrument == WampTelemetry.Names.EventsDropped);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_call_allocates_no_more_without_a_listener_than_with_one_and_takes_the_plain_path()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(cancellationToken: timeout.Token);
        var options = new WampClientOptions { Url = host.Url, Realm = "realm1" };
        await using WampClient callee = await WampClient.ConnectAsync(options, timeout.Token);
        await using WampClient caller = await WampClient.ConnectAsync(options, timeout.Token);
        await using WampRegistration registration = await callee.RegisterAsync("com.alloc.echo", (inv, _) => ValueTask.FromResult(inv.Payload), cancellationToken: timeout.Token);

        Assert.False(WampInstruments.CallsObserved);
        double without = await BytesPerCallAsync(caller, timeout.Token);
        double with;
        using (new TelemetryRecorder())
        {
            Assert.True(WampInstruments.CallsObserved);
            with = await BytesPerCallAsync(caller, timeout.Token);
        }

        output.WriteLine($"bytes allocated on the calling thread per call: {without:0} without a listener, {with:0} with one");
        Assert.True(with > without, $"with a listener {with:0} B/call, without {without:0} B/call");
    }

    private static async Task<double> BytesPerCallAsync(WampClient caller, CancellationToken cancellationToken)
    {
        const int calls = 200;
        await caller.CallAsync("com.alloc.echo", cancellationToken: cancellationToken);
        long total = 0;
        for (int i = 0; i < calls; i++)
        {
            // The synchronous part of a call runs on this thread: that is where the telemetry path allocates.
            long before = GC.GetAllocatedBytesForCurrentThread();
            Task<WampResult> call = caller.CallAsync("com.alloc.echo", cancellationToken: cancellationToken);
            total += GC.GetAllocatedBytesForCurrentThread() - before;
            await call;
        }

        return (double)total / calls;
    }

    private static void Hooks(WampEvent @event)
    {
        if (WampInstruments.CallsObserved || WampInstruments.PublishObserved)
        {
            WampInstruments.CallEnded(WampInstruments.StartCall("com.x", "realm1"), "com.x", TimeSpan.FromMilliseconds(1), null, WampInstruments.CallStarted("com.x"));
        }

        WampInstruments.JoinEnded(WampInstruments.StartJoin(TestUrl, "realm1"), 1, null);
        WampInstruments.PublishEnded(WampInstruments.StartPublish("com.x", "realm1"), 1, null);
        WampInstruments.EventReceived("com.x");
        WampInstruments.EventDropped("com.x");
        WampInstruments.DeliveryEnded(WampInstruments.StartDelivery("com.x", @event), null);
        WampInstruments.Reconnected("realm1");
    }

    private static readonly Uri TestUrl = new("ws://127.0.0.1:9/ws");
}

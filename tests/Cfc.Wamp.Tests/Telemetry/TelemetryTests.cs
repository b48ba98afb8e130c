using System.Diagnostics;
using Cfc.Wamp.Router;
using Cfc.Wamp.Tests.Session;

namespace Cfc.Wamp.Tests.Telemetry;

/// <summary>Spans and metrics under "Cfc.Wamp", seen through an ActivityListener and a MeterListener.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    private static async Task<(WampRouterHost Host, WampClient Caller, WampClient Callee)> StartAsync(CancellationToken cancellationToken)
    {
        WampRouterHost host = await WampRouterHost.StartNewAsync(cancellationToken: cancellationToken);
        var options = new WampClientOptions { Url = host.Url, Realm = "realm1" };
        WampClient callee = await WampClient.ConnectAsync(options, cancellationToken);
        WampClient caller = await WampClient.ConnectAsync(options, cancellationToken);
        return (host, caller, callee);
    }

    [Fact(Timeout = 30_000)]
    public async Task Join_calls_and_failed_calls_are_client_spans_with_rpc_attributes_and_the_error_uri()
    {
        using var recorder = new TelemetryRecorder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (WampRouterHost host, WampClient caller, WampClient callee) = await StartAsync(timeout.Token);
        await using (host)
        await using (caller)
        await using (callee)
        {
            await using WampRegistration registration = await callee.RegisterAsync("com.tel.echo", (inv, _) => ValueTask.FromResult(inv.Payload), cancellationToken: timeout.Token);
            await caller.CallAsync("com.tel.echo", new WampPayloadBuilder().Add(1).Build(), cancellationToken: timeout.Token);
            var refused = await Assert.ThrowsAsync<WampException>(() => caller.CallAsync("com.tel.nobody", cancellationToken: timeout.Token));

            Activity ok = Assert.Single(recorder.Spans, s => s.DisplayName == "com.tel.echo");
            Assert.Equal(ActivityKind.Client, ok.Kind);
            Assert.Equal("wamp", ok.GetTagItem("rpc.system"));
            Assert.Equal("com.tel.echo", ok.GetTagItem("rpc.method"));
            Assert.Equal("realm1", ok.GetTagItem("wamp.realm"));
            Assert.Equal(ActivityStatusCode.Unset, ok.Status);

            Activity failed = Assert.Single(recorder.Spans, s => s.DisplayName == "com.tel.nobody");
            Assert.Equal(ActivityStatusCode.Error, failed.Status);
            Assert.Equal(refused.ErrorUri, failed.GetTagItem("error.type"));
            Assert.Equal("wamp.error.no_such_procedure", failed.GetTagItem("wamp.error.uri"));

            Activity join = Assert.Single(recorder.Spans, s => s.DisplayName == WampTelemetry.Names.JoinSpan && Equals(s.GetTagItem("wamp.session.id"), caller.SessionId));
            Assert.Equal(ActivityKind.Client, join.Kind);
            Assert.Equal("realm1", join.GetTagItem("wamp.realm"));
            Assert.Equal("127.0.0.1", join.GetTagItem("server.address"));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Publish_is_a_producer_span_and_each_delivered_event_a_consumer_span_around_the_handler()
    {
        using var recorder = new TelemetryRecorder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        (WampRouterHost host, WampClient publisher, WampClient subscriber) = await StartAsync(timeout.Token);
        await using (host)
        await using (publisher)
        await using (subscriber)
        {
            var seenInside = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using WampSubscription subscription = await subscriber.SubscribeAsync("com.tel.topic", (_, _) =>
            {
                seenInside.TrySetResult(Activity.Current?.DisplayName);
                return ValueTask.CompletedTask;
            }, cancellationToken: timeout.Token);

            long? publication = await publisher.PublishAsync("com.tel.topic", default, new WampPublishOptions { Acknowledge = true }, timeout.Token);

            Assert.Equal("com.tel.topic process", await seenInside.Task.WaitAsync(timeout.Token));
            Activity producer = Assert.Single(recorder.Spans, s => s.DisplayName == "com.tel.topic publish");
            Assert.Equal(ActivityKind.Producer, producer.Kind);
            Assert.Equal("wamp", producer.GetTagItem("messaging.system"));
            Assert.Equal(publication, producer.GetTagItem("messaging.message.id"));
            await Eventually.HoldsAsync(() => recorder.Spans.Any(s => s.DisplayName == "com.tel.topic process"), ScriptedTransport.Wait);
            Activity consumer = Assert.Single(recorder.Spans, s => s.DisplayName == "com.tel.topic process");
            Assert.Equal(ActivityKind.Consumer, consumer.Kind);
            Assert.Equal("com.tel.topic", consumer.GetTagItem("messaging.destination.name"));
            Assert.Equal(publication, consumer.GetTagItem("messaging.message.id"));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Metrics_count_calls_errors_pending_calls_durations_events_and_reconnects()
    {
        using var recorder = new TelemetryRecorder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(cancellationToken: timeout.Token);
        var options = new WampClientOptions { Url = host.Url, Realm = "realm1", Reconnect = new WampReconnectOptions { InitialDelay = TimeSpan.FromMilliseconds(20) } };
        await using WampClient callee = await WampClient.ConnectAsync(options with { Reconnect = null }, timeout.Token);
        await using WampClient caller = await WampClient.ConnectAsync(options, timeout.Token);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WampRegistration registration = await callee.RegisterAsync("com.tel.slow", async (inv, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return inv.Payload;
        }, cancellationToken: timeout.Token);

        Task<WampResult> slow = caller.CallAsync("com.tel.slow", cancellationToken: timeout.Token);
        Assert.Equal(1, recorder.Of(WampTelemetry.Names.PendingCalls).Where(m => Equals(m.Tags["rpc.method"], "com.tel.slow")).Sum(m => m.Value));
        release.SetResult();
        await slow;
        await Assert.ThrowsAsync<WampException>(() => caller.CallAsync("com.tel.missing", cancellationToken: timeout.Token));

        Assert.Equal(0, recorder.Of(WampTelemetry.Names.PendingCalls).Where(m => Equals(m.Tags["rpc.method"], "com.tel.slow")).Sum(m => m.Value));
        Assert.Single(recorder.Of(WampTelemetry.Names.Calls), m => Equals(m.Tags["rpc.method"], "com.tel.slow"));
        TelemetryRecorder.Measurement error = Assert.Single(recorder.Of(WampTelemetry.Names.CallErrors));
        Assert.Equal("com.tel.missing", error.Tags["rpc.method"]);
        Assert.Equal("wamp.error.no_such_procedure", error.Tags["error.type"]);
        TelemetryRecorder.Measurement duration = Assert.Single(recorder.Of(WampTelemetry.Names.CallDuration), m => Equals(m.Tags["rpc.method"], "com.tel.slow"));
        Assert.True(duration.Value > 0);
        Assert.Equal("wamp", duration.Tags["rpc.system"]);

        // Events: received, and dropped by a full queue (capacity 1, the handler held).
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WampSubscription subscription = await callee.SubscribeAsync("com.tel.flood", async (_, ct) => await hold.Task.WaitAsync(ct), new WampSubscribeOptions { MaxQueuedEvents = 1 }, timeout.Token);
        for (int i = 0; i < 5; i++)
        {
            await caller.PublishAsync("com.tel.flood", default, new WampPublishOptions { Acknowledge = true }, timeout.Token);
        }

        await Eventually.HoldsAsync(() => recorder.Of(WampTelemetry.Names.EventsReceived).Count(m => Equals(m.Tags["messaging.destination.name"], "com.tel.flood")) == 5, ScriptedTransport.Wait);
        // One event is with the held handler, one waits in the queue: at least 3 of the 5 were dropped (a drop may be reported as a batch).
        await Eventually.HoldsAsync(() => recorder.Of(WampTelemetry.Names.EventsDropped).Where(m => Equals(m.Tags["messaging.destination.name"], "com.tel.flood")).Sum(m => m.Value) >= 3, ScriptedTransport.Wait);
        hold.SetResult();

        // A reconnect.
        await host.Router.DropAllConnectionsAsync();
        await Eventually.HoldsAsync(() => recorder.Of(WampTelemetry.Names.Reconnects).Any(), ScriptedTransport.Wait);
        Assert.Equal("realm1", recorder.Of(WampTelemetry.Names.Reconnects).First().Tags["wamp.realm"]);
    }
}

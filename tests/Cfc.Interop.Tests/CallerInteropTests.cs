using System.Text.Json;
using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>Our client as caller; autobahn-js (callee.js) as callee; fox-wamp in between.</summary>
[Collection(FoxWampCollection.Name)]
public sealed class CallerInteropTests(FoxWampRouterFixture router)
{
    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Calls_add2()
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        WampResult result = await client.CallAsync(prefix + "add2", new WampPayloadBuilder().Add(2).Add(3).Build(), cancellationToken: cts.Token);

        Assert.False(result.IsProgress);
        Assert.Equal(5, result.Payload[0].GetInt32());
    }

    [Theory(Timeout = Timeouts.TestMilliseconds)]
    [InlineData("""["hello","ünïcödé ✓ 日本","",null]""", null)]
    [InlineData("""[0,-1,42,9007199254740991,-9007199254740991,1.5,true,false]""", null)]
    [InlineData("""[{"a":{"b":[1,{"c":"d"}],"e":null},"f":[]},"x"]""", """{"k":{"n":[1,2,{"deep":true}]},"s":"t"}""")]
    [InlineData("""[]""", """{"only":"keywords"}""")]
    public async Task Echo_round_trips_values(string args, string? kwargs)
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        WampResult result = await client.CallAsync(prefix + "echo", Json.Payload(args, kwargs), cancellationToken: cts.Token);

        Json.Equal(args, result.Payload.Arguments ?? WampJson.EmptyArray);
        if (kwargs is null)
        {
            Assert.True(Json.IsEmptyObject(result.Payload.ArgumentsKeywords), result.Payload.ToString());
        }
        else
        {
            Json.Equal(kwargs, result.Payload.ArgumentsKeywords);
        }
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Empty_call_gets_an_empty_result_despite_fox_wamps_nulls()
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        WampResult result = await client.CallAsync(prefix + "echo", cancellationToken: cts.Token);

        Assert.Equal(0, result.Payload.Count);
        Assert.True(Json.IsEmptyObject(result.Payload.ArgumentsKeywords), result.Payload.ToString());
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Callee_error_arrives_as_WampException_the_way_fox_wamp_forwards_it()
    {
        // autobahn-js throws Error("com.example.error.custom", ["bad", 42], {reason, code}); fox-wamp replaces the
        // URI with wamp.error.callee_failure, puts the original URI in args[0] and drops the rest (wamp-peers.md).
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        WampException ex = await Assert.ThrowsAsync<WampException>(() => client.CallAsync(prefix + "fail", cancellationToken: cts.Token));

        Assert.Equal("wamp.error.callee_failure", ex.ErrorUri);
        Assert.Equal("com.example.error.custom", ex.Payload[0].GetString());
        Assert.Contains("com.example.error.custom", ex.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Unknown_procedure_fails_with_no_such_procedure()
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);

        WampException ex = await Assert.ThrowsAsync<WampException>(() => client.CallAsync(router.NewPrefix() + "nobody", cancellationToken: cts.Token));

        Assert.Equal("wamp.error.no_such_procedure", ex.ErrorUri);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Progressive_call_reports_progress_in_order_then_the_final_result()
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        var progress = new List<int>();
        var options = new WampCallOptions
        {
            OnProgress = r =>
            {
                Assert.True(r.IsProgress);
                lock (progress)
                {
                    progress.Add(r.Payload[0].GetInt32());
                }
            },
        };

        WampResult result = await client.CallAsync(prefix + "progress", new WampPayloadBuilder().Add(5).Build(), options, cts.Token);

        Assert.False(result.IsProgress);
        Assert.Equal("done", result.Payload[0].GetString());
        lock (progress)
        {
            Assert.Equal([1, 2, 3, 4, 5], progress);
        }
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Cancelled_call_ends_at_once_although_fox_wamp_ignores_cancel()
    {
        string prefix = router.NewPrefix();
        await using PeerProcess callee = await router.StartCalleeAsync(prefix);
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        using var cancel = new CancellationTokenSource();

        Task<WampResult> call = client.CallAsync(prefix + "slow", new WampPayloadBuilder().Add(3000).Build(), cancellationToken: cancel.Token);
        Assert.Equal("slow", (await callee.ExpectAsync("invoked")).GetString());
        await cancel.CancelAsync();

        // "At once" is checked with a generous bound: the callee answers only after 3 s, and fox-wamp never
        // answers the CANCEL, so without client-side cancellation this wait would run into the callee's answer.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(2.5), cts.Token));

        // The late RESULT for the cancelled request must be ignored, and the session must go on working.
        Assert.Equal("slow", (await callee.ExpectAsync("returned")).GetString());
        WampResult after = await client.CallAsync(prefix + "add2", new WampPayloadBuilder().Add(1).Add(1).Build(), cancellationToken: cts.Token);
        Assert.Equal(2, after.Payload[0].GetInt32());
        Assert.Equal(WampConnectionState.Connected, client.State);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Joins_a_dotted_realm_and_uses_the_meta_api()
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(realm: InteropSecrets.DottedRealm, cancellationToken: cts.Token);

        WampResult result = await client.CallAsync("wamp.session.count", cancellationToken: cts.Token);

        Assert.Equal(InteropSecrets.DottedRealm, client.SessionDetails?.Realm);
        Assert.True(result.Payload[0].GetInt32() >= 1);
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Unknown_realm_is_refused_with_the_routers_reason()
    {
        using var cts = new CancellationTokenSource(Timeouts.Operation);

        WampException ex = await Assert.ThrowsAnyAsync<WampException>(() => router.ConnectAsync(realm: "com.example.nowhere", cancellationToken: cts.Token));

        Assert.Equal("wamp.error.no_such_realm", ex.ErrorUri);
    }
}

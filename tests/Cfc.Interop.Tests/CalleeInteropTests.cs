using System.Text.Json;
using Cfc.Interop.Tests.Harness;
using Cfc.Wamp;

namespace Cfc.Interop.Tests;

/// <summary>Our client as callee; autobahn-js (caller.js) as caller; fox-wamp in between.</summary>
[Collection(FoxWampCollection.Name)]
public sealed class CalleeInteropTests(FoxWampRouterFixture router)
{
    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Autobahn_js_calls_a_procedure_registered_by_our_client()
    {
        string procedure = router.NewPrefix() + "describe";
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        await using WampRegistration registration = await client.RegisterAsync(
            procedure,
            (invocation, _) =>
            {
                // Answer with what arrived, plus a computed value, so the caller sees both directions work.
                var builder = new WampPayloadBuilder().Add(invocation.Payload.Count);
                if (invocation.Payload.Arguments is { } args)
                {
                    foreach (JsonElement arg in args.EnumerateArray())
                    {
                        builder.Add(arg);
                    }
                }

                string name = invocation.Payload.TryGetKeyword("name", out JsonElement n) ? n.GetString() ?? "?" : "?";
                return ValueTask.FromResult(builder.Keyword("greeting", "hello " + name).Build());
            },
            cancellationToken: cts.Token);

        await using PeerProcess caller = router.StartPeer("caller.js", "--procedure", procedure, "--args", """["a",{"b":[1,2]},3]""", "--kwargs", """{"name":"js"}""");
        JsonElement result = await caller.ExpectAsync("result");

        Json.Equal("""[3,"a",{"b":[1,2]},3]""", result.GetProperty("args"));
        Json.Equal("""{"greeting":"hello js"}""", result.GetProperty("kwargs"));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Autobahn_js_receives_our_progressive_results_then_the_final_one()
    {
        string procedure = router.NewPrefix() + "count";
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        await using WampRegistration registration = await client.RegisterAsync(
            procedure,
            async (invocation, ct) =>
            {
                Assert.True(invocation.ReceiveProgress);
                for (int i = 1; i <= 3; i++)
                {
                    await invocation.SendProgressAsync(new WampPayloadBuilder().Add(i).Build(), ct);
                }

                return new WampPayloadBuilder().Add("finished").Build();
            },
            cancellationToken: cts.Token);

        await using PeerProcess caller = router.StartPeer("caller.js", "--procedure", procedure, "--progress");

        for (int i = 1; i <= 3; i++)
        {
            JsonElement progress = await caller.ExpectAsync("progress");
            Assert.Equal(i, progress.GetProperty("args")[0].GetInt32());
        }

        Json.Equal("""["finished"]""", (await caller.ExpectAsync("result")).GetProperty("args"));
    }

    [Fact(Timeout = Timeouts.TestMilliseconds)]
    public async Task Our_callee_error_reaches_autobahn_js_as_fox_wamp_forwards_it()
    {
        string procedure = router.NewPrefix() + "refuse";
        using var cts = new CancellationTokenSource(Timeouts.Operation);
        await using WampClient client = await router.ConnectAsync(cancellationToken: cts.Token);
        await using WampRegistration registration = await client.RegisterAsync(
            procedure,
            (_, _) => throw new WampException("com.example.error.refused", payload: Json.Payload("""["no"]""", """{"why":"test"}""")),
            cancellationToken: cts.Token);

        await using PeerProcess caller = router.StartPeer("caller.js", "--procedure", procedure);
        JsonElement error = await caller.ExpectAsync("error");

        // fox-wamp: the URI becomes wamp.error.callee_failure with our URI as args[0].
        Assert.Equal("wamp.error.callee_failure", error.GetProperty("error").GetString());
        Assert.Equal("com.example.error.refused", error.GetProperty("args")[0].GetString());
    }
}

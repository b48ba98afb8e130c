using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Api;

public sealed class ResultDecodingTests
{
    [Fact]
    public async Task System_status_has_the_seed_fields_typed()
    {
        var peer = new ScriptedWampClient
        {
            Responder = (_, _) => Payload.Args("{\"version\":\"v17.8.1\",\"realm\":\"com.crossbario.fabric\",\"nonce\":\"ad80758d0c40098504aeb220022b84fc\",\"now\":\"2017-08-23T13:01:25.416Z\",\"tick\":982344,\"uptime\":\"2 hours\",\"extra\":[1]}"),
        };
        await using CfcClient client = CfcClient.Create(peer);

        SystemStatus status = await client.System.GetStatusAsync();

        Assert.Equal("v17.8.1", status.Version);
        Assert.Equal(CfcRealms.Global, status.Realm);
        Assert.Equal("ad80758d0c40098504aeb220022b84fc", status.Nonce);
        Assert.Equal(new DateTimeOffset(2017, 8, 23, 13, 1, 25, 416, TimeSpan.Zero), status.Now);
        Assert.Equal(982344L, status.Tick);
        Assert.Equal("2 hours", status.Uptime);
        Assert.Equal("[1]", status.ExtensionData["extra"].GetRawText());
    }

    [Fact]
    public async Task Lists_maps_and_deleted_realm_decode()
    {
        var peer = new ScriptedWampClient
        {
            Responder = (uri, _) => uri switch
            {
                "crossbarfabriccenter.mrealm.get_realms" => Payload.Args("[\"r1\",\"r2\"]"),
                "crossbarfabriccenter.mrealm.get_roles" => Payload.Args("{\"alice\":[\"owner\",\"admin\"]}"),
                "crossbarfabriccenter.mrealm.delete_realm" => Payload.Args("{\"oid\":\"o\",\"name\":\"r1\",\"created\":1500000000000000,\"unpaired\":[\"n1\"]}"),
                _ => WampPayload.Empty,
            },
        };
        await using CfcClient client = CfcClient.Create(peer);

        Assert.Equal(["r1", "r2"], await client.ManagementRealms.GetRealmsAsync());
        Assert.Equal(["owner", "admin"], (await client.ManagementRealms.GetRolesAsync("r1"))["alice"]);
        RealmDeleted deleted = await client.ManagementRealms.DeleteRealmAsync("r1", cascade: true);
        Assert.Equal("r1", deleted.Name);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_500_000_000), deleted.Created);   // microseconds, told apart by magnitude
        Assert.Equal(["n1"], deleted.Unpaired!);
        Assert.Equal("[\"r1\",true]", Payload.ArgsJson(peer.Calls[^1].Payload));
    }

    [Fact]
    public async Task An_absent_result_is_an_empty_object_or_list()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => WampPayload.Empty };
        await using CfcClient client = CfcClient.Create(peer);

        RouterRealmStopped stopped = await client.RemoteRouter.StopRouterRealmAsync("n", "w", "r");
        Assert.Null(stopped.Id);
        Assert.Empty(await client.RemoteNode.GetWorkersAsync("n"));
    }

    [Fact]
    public async Task A_keyword_only_result_is_decoded_from_the_keywords()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => new WampPayloadBuilder().Keyword("id", "w1").Keyword("pid", 42).Build() };
        await using CfcClient client = CfcClient.Create(peer);

        WorkerInfo worker = await client.RemoteNode.GetWorkerAsync("n", "w1");

        Assert.Equal("w1", worker.Id);
        Assert.Equal(42, worker.Pid);
    }

    [Fact]
    public async Task A_result_of_the_wrong_shape_is_a_protocol_error_naming_the_procedure()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args("\"not a list\"") };
        await using CfcClient client = CfcClient.Create(peer);

        var ex = await Assert.ThrowsAsync<CfcProtocolException>(() => client.RemoteNode.GetWorkersAsync("n"));
        Assert.Equal(CfcErrorUris.InvalidResult, ex.ErrorUri);
        Assert.Contains("crossbarfabriccenter.remote.node.get_workers", ex.Message);
    }

    [Fact]
    public async Task Worker_extras_go_as_keyword_arguments_only_when_given()
    {
        var peer = new ScriptedWampClient { Responder = (uri, _) => Payload.Args(uri.Contains("start_", StringComparison.Ordinal) || uri.Contains("pair_", StringComparison.Ordinal) ? "{}" : "[]") };
        await using CfcClient client = CfcClient.Create(peer, CfcUriScheme.Legacy);

        await client.RemoteWorker.AddPythonpathAsync("n", "w", paths: ["/opt/app"], prepend: false);
        await client.RemoteWorker.SetCpuAffinityAsync("n", "w", cpus: [0, 1]);
        await client.RemoteWorker.GetWorkerLogAsync("n", "w", limit: 10);
        await client.RemoteWorker.StartProfilerAsync("n", "w", profiler: "vmprof", runtime: 5);
        await client.RemoteWorker.GetProfileAsync("n", "w", profileId: "p1");

        Assert.Equal("cfc.remote.worker.add_pythonpath", peer.Calls[0].Procedure);
        Assert.Equal("[\"n\",\"w\"]", Payload.ArgsJson(peer.Calls[0].Payload));
        Assert.Equal("{\"paths\":[\"/opt/app\"],\"prepend\":false}", Payload.KwargsJson(peer.Calls[0].Payload));
        Assert.Equal("{\"cpus\":[0,1]}", Payload.KwargsJson(peer.Calls[1].Payload));
        Assert.Equal("{\"limit\":10}", Payload.KwargsJson(peer.Calls[2].Payload));
        Assert.Equal("{\"profiler\":\"vmprof\",\"runtime\":5}", Payload.KwargsJson(peer.Calls[3].Payload));
        Assert.Equal("{\"profile_id\":\"p1\"}", Payload.KwargsJson(peer.Calls[4].Payload));
    }

    [Fact]
    public async Task Optional_positional_arguments_are_sent_as_null()
    {
        var peer = new ScriptedWampClient { Responder = (uri, _) => Payload.Args(uri.Contains("start_", StringComparison.Ordinal) || uri.Contains("pair_", StringComparison.Ordinal) ? "{}" : "[]") };
        await using CfcClient client = CfcClient.Create(peer);

        await client.RemoteTracing.GetRouterTraceDataAsync("n", "w", "t", 0);
        await client.RemoteTracing.StartRouterTraceAsync("n", "w", null, new Dictionary<string, object?>());
        await client.ManagementRealms.PairNodeAsync(new string('f', 64), "realm1", "node1");

        Assert.Equal("[\"n\",\"w\",\"t\",0,null,null]", Payload.ArgsJson(peer.Calls[0].Payload));
        Assert.Equal("[\"n\",\"w\",null,{}]", Payload.ArgsJson(peer.Calls[1].Payload));
        Assert.Equal($"[\"{new string('f', 64)}\",\"realm1\",\"node1\",null]", Payload.ArgsJson(peer.Calls[2].Payload));
    }

    [Fact]
    public async Task Meta_calls_put_node_worker_and_realm_first()
    {
        var peer = new ScriptedWampClient { Responder = (_, _) => Payload.Args("3") };
        await using CfcClient client = CfcClient.Create(peer);

        WampResult result = await client.RemoteRouterMeta.CallMetaAsync("n", "w", "r", "wamp.session.count", Payload.Args("[\"user\"]"));

        Assert.Equal(3, result.Payload[0].GetInt32());
        Assert.Equal("crossbarfabriccenter.remote.router.meta.wamp.session.count", peer.Calls[0].Procedure);
        Assert.Equal("[\"n\",\"w\",\"r\",[\"user\"]]", Payload.ArgsJson(peer.Calls[0].Payload));
        Assert.Throws<ArgumentException>(() => { _ = client.RemoteRouterMeta.CallMetaAsync("n", "w", "r", "com.example.x"); });
    }
}

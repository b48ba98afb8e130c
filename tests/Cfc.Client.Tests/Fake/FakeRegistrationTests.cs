using Cfc.Client.Testing;

namespace Cfc.Client.Tests.Fake;

public sealed class FakeRegistrationTests
{
    private static readonly string[] RealmsProcedures = ["get_realms", "get_realm", "create_realm", "delete_realm", "get_roles", "grant_role", "revoke_role", "get_nodes", "get_node", "pair_node", "unpair_node"];

    private static readonly Dictionary<string, string[]> Remote = new()
    {
        ["node"] = ["get_status", "shutdown", "get_workers", "get_worker", "start_worker", "stop_worker"],
        ["worker"] = ["shutdown", "get_status", "get_pythonpath", "add_pythonpath", "get_worker_log", "get_cpu_affinity", "set_cpu_affinity", "get_profilers", "start_profiler", "get_profile"],
        ["router"] =
        [
            "get_router_realms", "get_router_realm", "start_router_realm", "stop_router_realm",
            "get_router_realm_roles", "get_router_realm_role", "start_router_realm_role", "stop_router_realm_role",
            "get_realm_roles", "get_realm_role", "start_realm_role", "stop_realm_role",
            "get_router_transports", "get_router_transport", "start_router_transport", "stop_router_transport",
            "get_router_transport_paths", "get_router_transport_path", "start_router_transport_path", "stop_router_transport_path",
            "get_transport_paths", "get_transport_path", "start_transport_path", "stop_transport_path",
            "get_router_components", "get_router_component", "start_router_component", "stop_router_component",
        ],
        ["container"] = ["get_container_components", "get_container_component", "start_container_component", "stop_container_component"],
        ["proxy"] = ["get_proxy_transports", "get_proxy_transport", "start_proxy_transport", "stop_proxy_transport", "get_proxy_routes", "get_proxy_connections", "get_proxy_connection"],
        ["tracing"] = ["get_router_traces", "get_router_trace", "start_router_trace", "stop_router_trace", "get_router_trace_data"],
        ["docker"] = ["get_docker_status", "get_docker_containers", "get_docker_container", "start_docker_container", "stop_docker_container", "get_docker_images", "get_docker_image", "update_docker_image", "remove_docker_image"],
        ["router.meta"] =
        [
            "wamp.session.count", "wamp.session.list", "wamp.session.get", "wamp.session.kill",
            "wamp.registration.list", "wamp.registration.lookup", "wamp.registration.match", "wamp.registration.get", "wamp.registration.list_callees", "wamp.registration.count_callees",
            "wamp.subscription.list", "wamp.subscription.lookup", "wamp.subscription.match", "wamp.subscription.get", "wamp.subscription.list_subscribers", "wamp.subscription.count_subscribers",
        ],
    };

    [Fact]
    public void Every_procedure_of_both_seeds_is_registered_under_both_schemes_and_nothing_else()
    {
        using var f = new FakeCfcFixture();
        var expected = new HashSet<(string?, string)>
        {
            // Global realm, Fabric scheme (Global API seed).
            (FakeCfcFixture.Global, "crossbarfabriccenter.system.get_status"),
            // Global realm, Legacy scheme (API Reference seed).
            (FakeCfcFixture.Global, "cfc.get_status"),
            (FakeCfcFixture.Global, "cfc.get_management_realms"),
            (FakeCfcFixture.Global, "cfc.get_management_realm"),
            (FakeCfcFixture.Global, "cfc.create_management_realm"),
            (FakeCfcFixture.Global, "cfc.delete_management_realm"),
            (FakeCfcFixture.Global, "cfc.get_roles"),
            (FakeCfcFixture.Global, "cfc.grant_role"),
            (FakeCfcFixture.Global, "cfc.revoke_role"),
            (FakeCfcFixture.Global, "cfc.get_nodes"),
            (FakeCfcFixture.Global, "cfc.get_node"),
            (FakeCfcFixture.Global, "cfc.pair_node"),
            (FakeCfcFixture.Global, "cfc.unpair_node"),
            // Every management realm: its own API.
            (null, "crossbarfabriccenter.mrealm.get_status"),
            (null, "crossbarfabriccenter.mrealm.get_nodes"),
            (null, "crossbarfabriccenter.mrealm.get_node"),
            (null, "cfc.get_status"),
            (null, "cfc.get_nodes"),
            (null, "cfc.get_node"),
        };
        foreach (string p in RealmsProcedures)
        {
            expected.Add((FakeCfcFixture.Global, "crossbarfabriccenter.mrealm." + p));
        }

        foreach ((string group, string[] procedures) in Remote)
        {
            foreach (string p in procedures)
            {
                expected.Add((null, $"crossbarfabriccenter.remote.{group}.{p}"));
                expected.Add((null, $"cfc.remote.{group}.{p}"));
            }
        }

        var actual = f.Host.Procedures.Keys.ToHashSet();
        Assert.Empty(expected.Except(actual));
        Assert.Empty(actual.Except(expected));
        Assert.Equal(19 + RealmsProcedures.Length + (2 * Remote.Values.Sum(v => v.Length)), actual.Count);
    }

    [Fact]
    public async Task Both_schemes_reach_the_same_behaviour()
    {
        using var f = new FakeCfcFixture();
        var ctx = new FakeCallContext(FakeCfcFixture.Global, FakeCfcFixture.Alice, "user", 1);
        var fabric = await f.Host.CallAsync(ctx, "crossbarfabriccenter.mrealm.get_realms", default);
        var legacy = await f.Host.CallAsync(ctx, "cfc.get_management_realms", default);
        Assert.Equal(["realm-a"], FakeCfcFixture.Strings(fabric));
        Assert.Equal(fabric, legacy);
    }

    [Fact]
    public async Task Events_are_published_under_both_schemes()
    {
        using var f = new FakeCfcFixture();
        await f.GlobalCallAsync(FakeCfcFixture.Bob, "create_realm", "realm-b");
        Assert.Contains(f.Host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_realm_created");
        Assert.Contains(f.Host.Events, e => e.Topic == "cfc.on_management_realm_created");
    }
}

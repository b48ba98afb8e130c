namespace Cfc.Cli.Tests;

/// <summary>
/// One run of every <c>cfc</c> command against the <c>--fake</c> demo fleet (realms lab and prod; nodes node1,
/// node2 offline, edge1), with what its JSON output must contain. <see cref="CommandCoverageTests"/> checks that
/// every leaf command of the tool appears here.
/// </summary>
public static class FakeCommandTable
{
    public const string NewPubkey = "6b1a4e9a0f5c3d2b1e8f7a6c5d4b3a2918f7e6d5c4b3a29181f2e3d4c5b6a7f8";
    public const string Image = "sha256:2d4f6b8a0c1e3f5a7b9d0e2c4a6f8b1d3e5c7a9f0b2d4e6a8c1f3b5d7e9a0c2e";

    /// <summary>(command path, full arguments, a piece of the compact JSON output, expected exit code).</summary>
    public static readonly (string Path, string[] Args, string Expect, int Exit)[] Rows =
    [
        R("status", [], "\"realm\":\"com.crossbario.fabric\""),
        R("status", ["--realm", "lab"], "\"realm\":\"lab\""),
        R("version", [], "\"cfc\":\"0.1.0\""),
        R("license", [], "not supported under CfcUriScheme.Fabric", exit: 1),
        R("realms list", [], "\"name\":\"prod\""),
        R("realms show", ["lab"], "\"name\":\"lab\""),
        R("realms create", ["staging"], "\"name\":\"staging\""),
        R("realms delete", ["prod", "--cascade"], "\"unpaired\":[\"edge1\"]"),
        R("realms roles", ["lab"], "\"demo@example.com\":[\"owner\"]"),
        R("realms grant", ["lab", "bob@example.com", "admin"], "\"role\":\"admin\""),
        R("realms revoke", ["lab", "demo@example.com", "owner"], "last owner", exit: 1),
        R("nodes list", [], "\"node\":\"edge1\""),
        R("nodes list", ["--status", "offline"], "[{\"node\":\"node2\""),
        R("nodes show", ["node1"], "\"status\":\"online\""),
        R("nodes pair", [NewPubkey, "node9", "--realm", "lab"], $"\"pubkey\":\"{NewPubkey}\""),
        R("nodes unpair", ["node1"], "\"authid\":\"node1\""),
        R("nodes status", ["node1", "--realm", "lab"], "\"running_workers\":3"),
        R("nodes shutdown", ["node1", "--realm", "lab"], "\"node_id\":\"node1\""),
        R("workers list", ["node1", "--realm", "lab"], "{\"worker\":\"worker1\",\"type\":\"router\",\"status\":\"started\""),
        R("workers show", ["node1", "worker1", "--realm", "lab"], "\"type\":\"router\""),
        R("workers start", ["node1", "worker9", "--type", "router", "--realm", "lab"], "\"id\":\"worker9\""),
        R("workers stop", ["node1", "proxy1", "--realm", "lab"], "\"id\":\"proxy1\""),
        R("workers log", ["node1", "worker1", "--realm", "lab"], "Router worker started"),
        R("workers status", ["node1", "worker1", "--realm", "lab"], "worker1"),
        R("router realms list", ["node1", "worker1", "--realm", "lab"], "[\"realm1\"]"),
        R("router realms show", ["node1", "worker1", "realm1", "--realm", "lab"], "\"id\":\"realm1\""),
        R("router realms start", ["node1", "worker1", "realm2", "--realm", "lab"], "\"id\":\"realm2\""),
        R("router realms stop", ["node1", "worker1", "realm1", "--realm", "lab"], "\"id\":\"realm1\""),
        R("router roles list", ["node1", "worker1", "realm1", "--realm", "lab"], "\"backend\""),
        R("router roles show", ["node1", "worker1", "realm1", "backend", "--realm", "lab"], "\"name\":\"backend\""),
        R("router roles start", ["node1", "worker1", "realm1", "guest", "--config", "{\"permissions\":[]}", "--realm", "lab"], "\"id\":\"guest\""),
        R("router roles stop", ["node1", "worker1", "realm1", "public", "--realm", "lab"], "\"id\":\"public\""),
        R("router transports list", ["node1", "worker1", "--realm", "lab"], "transport1"),
        R("router transports show", ["node1", "worker1", "transport1", "--realm", "lab"], "\"type\":\"web\""),
        R("router transports start", ["node1", "worker1", "transport2", "--config", "{\"type\":\"websocket\",\"endpoint\":{\"type\":\"tcp\",\"port\":9090}}", "--realm", "lab"], "\"id\":\"transport2\""),
        R("router transports stop", ["node1", "worker1", "transport1", "--realm", "lab"], "\"id\":\"transport1\""),
        R("router paths list", ["node1", "worker1", "transport1", "--realm", "lab"], "\"ws\""),
        R("router paths show", ["node1", "worker1", "transport1", "ws", "--realm", "lab"], "\"type\":\"websocket\""),
        R("router paths start", ["node1", "worker1", "transport1", "info", "--config", "{\"type\":\"nodeinfo\"}", "--realm", "lab"], "\"id\":\"info\""),
        R("router paths stop", ["node1", "worker1", "transport1", "ws", "--realm", "lab"], "\"id\":\"ws\""),
        R("router components list", ["node1", "worker1", "--realm", "lab"], "component1"),
        R("router components show", ["node1", "worker1", "component1", "--realm", "lab"], "backend.Backend"),
        R("router components start", ["node1", "worker1", "component2", "--config", "{\"type\":\"class\",\"classname\":\"app.Main\",\"realm\":\"realm1\"}", "--realm", "lab"], "\"id\":\"component2\""),
        R("router components stop", ["node1", "worker1", "component1", "--realm", "lab"], "\"id\":\"component1\""),
        R("containers list", ["node1", "--realm", "lab"], "[\"container1\"]"),
        R("containers components list", ["node1", "container1", "--realm", "lab"], "[\"component1\"]"),
        R("containers components show", ["node1", "container1", "component1", "--realm", "lab"], "\"id\":\"component1\""),
        R("containers components start", ["node1", "container1", "component2", "--config", "{\"type\":\"class\",\"classname\":\"app.Main\",\"realm\":\"realm1\"}", "--realm", "lab"], "\"id\":\"component2\""),
        R("containers components stop", ["node1", "container1", "component1", "--realm", "lab"], "\"component_id\":\"component1\""),
        R("proxies transports list", ["node1", "proxy1", "--realm", "lab"], "transport1"),
        R("proxies transports show", ["node1", "proxy1", "transport1", "--realm", "lab"], "\"id\":\"transport1\""),
        R("proxies transports start", ["node1", "proxy1", "transport2", "--config", "{\"type\":\"web\",\"endpoint\":{\"type\":\"tcp\",\"port\":8443}}", "--realm", "lab"], "\"id\":\"transport2\""),
        R("proxies transports stop", ["node1", "proxy1", "transport1", "--realm", "lab"], "\"id\":\"transport1\""),
        R("tracing list", ["node1", "worker1", "--realm", "lab"], "[\"trace1\"]"),
        R("tracing show", ["node1", "worker1", "trace1", "--realm", "lab"], "\"status\":\"stopped\""),
        R("tracing start", ["node1", "worker1", "trace2", "--realm", "lab"], "\"status\":\"running\""),
        R("tracing stop", ["node1", "worker1", "trace1", "--realm", "lab"], "is not running", exit: 1),
        R("tracing data", ["node1", "worker1", "trace1", "--limit", "3", "--realm", "lab"], "\"CALL\""),
        R("docker status", ["node1", "--realm", "lab"], "{"),
        R("docker containers list", ["node1", "--realm", "lab"], "[\"3f4e5d6c7b8a\"]"),
        R("docker containers show", ["node1", "3f4e5d6c7b8a", "--realm", "lab"], "\"name\":\"/crossbar\""),
        R("docker containers start", ["node1", "web2", "--config", "{\"image\":\"python:3.11-slim\"}", "--realm", "lab"], "python:3.11-slim"),
        R("docker containers stop", ["node1", "3f4e5d6c7b8a", "--realm", "lab"], "\"status\":\"exited\""),
        R("docker images list", ["node1", "--realm", "lab"], Image),
        R("docker images show", ["node1", Image, "--realm", "lab"], "python:3.11-slim"),
        R("docker images update", ["node1", Image, "--realm", "lab"], Image),
        R("docker images remove", ["node1", Image, "--realm", "lab"], "\"removed\""),
        R("meta sessions list", ["node1", "worker1", "realm1", "--realm", "lab"], "7263401129838592"),
        R("meta sessions show", ["node1", "worker1", "realm1", "7263401129838592", "--realm", "lab"], "backend1"),
        R("meta sessions kill", ["node1", "worker1", "realm1", "1458283011940358", "--realm", "lab"], "\"killed\":1458283011940358"),
        R("meta registrations list", ["node1", "worker1", "realm1", "--realm", "lab"], "\"exact\":[5613264811398475]"),
        R("meta registrations show", ["node1", "worker1", "realm1", "5613264811398475", "--realm", "lab"], "com.example.add2"),
        R("meta registrations callees", ["node1", "worker1", "realm1", "5613264811398475", "--realm", "lab"], "[7263401129838592]"),
        R("meta subscriptions list", ["node1", "worker1", "realm1", "--realm", "lab"], "\"exact\":[2842391002193846]"),
        R("meta subscriptions show", ["node1", "worker1", "realm1", "2842391002193846", "--realm", "lab"], "com.example.oncounter"),
        R("meta subscriptions subscribers", ["node1", "worker1", "realm1", "2842391002193846", "--realm", "lab"], "[1458283011940358]"),
        R("call", ["crossbarfabriccenter.mrealm.get_realms"], "[\"lab\",\"prod\"]"),
        R("call", ["crossbarfabriccenter.mrealm.get_nodes", "\"lab\""], "[\"node1\",\"node2\"]"),
        R("publish", ["com.example.hello", "\"hi\"", "--kw", "{\"n\":1}"], "\"topic\":\"com.example.hello\""),
        R("monitor", ["--count", "1"], "\"workers\":[\"worker1\",\"container1\",\"proxy1\"]"),
        R("watch", ["tick", "--count", "1"], "\"event\":\"tick\""),
    ];

    public static IEnumerable<object[]> Cases() => Rows.Select((r, i) => new object[] { i, string.Join(' ', r.Args) });

    private static (string, string[], string, int) R(string path, string[] args, string expect, int exit = 0) =>
        (path, [.. path.Split(' '), .. args], expect, exit);
}

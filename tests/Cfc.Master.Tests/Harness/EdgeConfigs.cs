namespace Cfc.Master.Tests.Harness;

/// <summary>Configurations for what the tests start on the edge node (the shapes crossbar v22.6.1 accepts).</summary>
internal static class EdgeConfigs
{
    public static Dictionary<string, object?> Worker(string type, Dictionary<string, object?>? options = null) =>
        new() { ["type"] = type, ["options"] = options ?? new Dictionary<string, object?>() };

    /// <summary>A router realm whose WAMP meta API the master can reach (remote.realm.meta.*).</summary>
    public static Dictionary<string, object?> Realm(string name) =>
        new() { ["name"] = name, ["options"] = new Dictionary<string, object?> { ["enable_meta_api"] = true, ["bridge_meta_api"] = true } };

    public static Dictionary<string, object?> AnonymousRole() => new()
    {
        ["name"] = "anonymous",
        ["permissions"] = new object?[]
        {
            new Dictionary<string, object?>
            {
                ["uri"] = "",
                ["match"] = "prefix",
                ["allow"] = new Dictionary<string, object?> { ["call"] = true, ["register"] = true, ["publish"] = true, ["subscribe"] = true },
                ["disclose"] = new Dictionary<string, object?> { ["caller"] = false, ["publisher"] = false },
                ["cache"] = true,
            },
        },
    };

    /// <summary>A Web transport with a JSON service at "/" (Web services are added to it at run time).</summary>
    public static Dictionary<string, object?> WebTransport(int port) => new()
    {
        ["type"] = "web",
        ["endpoint"] = new Dictionary<string, object?> { ["type"] = "tcp", ["port"] = port, ["interface"] = "127.0.0.1" },
        ["paths"] = new Dictionary<string, object?>
        {
            ["/"] = new Dictionary<string, object?> { ["type"] = "json", ["value"] = new Dictionary<string, object?> { ["service"] = "root" } },
        },
    };

    /// <summary>A WebSocket transport for anonymous WAMP sessions (json, msgpack, cbor).</summary>
    public static Dictionary<string, object?> WebSocketTransport(int port) => new()
    {
        ["type"] = "websocket",
        ["endpoint"] = new Dictionary<string, object?> { ["type"] = "tcp", ["port"] = port, ["interface"] = "127.0.0.1" },
        ["serializers"] = new object?[] { "json", "msgpack", "cbor" },
        ["auth"] = new Dictionary<string, object?> { ["anonymous"] = new Dictionary<string, object?> { ["type"] = "static", ["role"] = "anonymous" } },
    };

    public static Dictionary<string, object?> JsonService(string text) =>
        new() { ["type"] = "json", ["value"] = new Dictionary<string, object?> { ["text"] = text } };

    /// <summary>The kit's cbm_hello component (registers com.example.add2), joining <paramref name="realm"/> over the transport at <paramref name="port"/>.</summary>
    public static Dictionary<string, object?> HelloComponent(string id, string realm, int port) => new()
    {
        ["id"] = id,
        ["type"] = "class",
        ["classname"] = "cbm_hello.Hello",
        ["realm"] = realm,
        ["transport"] = new Dictionary<string, object?>
        {
            ["type"] = "websocket",
            ["url"] = $"ws://127.0.0.1:{port}/ws",
            ["endpoint"] = new Dictionary<string, object?> { ["type"] = "tcp", ["host"] = "127.0.0.1", ["port"] = port },
        },
    };
}

using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The setup every simulated node starts with, so that each remote procedure has realistic data to answer with:
/// a router worker <c>worker1</c> (realm <c>realm1</c> with roles, sessions, a registration and a subscription; a web
/// transport with paths <c>/</c> and <c>ws</c>; a component; a stopped trace with records), a container worker
/// <c>container1</c> with a component, a proxy worker <c>proxy1</c> (transport, route, connection), and Docker
/// images and a running container.
/// </summary>
internal static class SimulatedNodeDefaults
{
    public const string RouterWorker = "worker1";
    public const string RouterRealm = "realm1";
    public const string WebTransport = "transport1";
    public const string RouterComponent = "component1";
    public const string Trace = "trace1";
    public const string ContainerWorker = "container1";
    public const string ContainerComponent = "component1";
    public const string ProxyWorker = "proxy1";
    public const string ProxyTransport = "transport1";
    public const string DockerContainer = "3f4e5d6c7b8a";
    public const string DockerImage = "sha256:9b1c0f2a4e6d8b3c5a7e9f1d2c4b6a8e0f3d5c7b9a1e2f4d6c8b0a3e5f7d9c1b";
    public const int TraceRecords = 25;

    public static void Populate(SimulatedNode node, DateTimeOffset now)
    {
        node.Workers.Add(RouterWorker, Router(now));
        node.Workers.Add(ContainerWorker, Container(now));
        node.Workers.Add(ProxyWorker, Proxy(now));

        var image = new SimulatedDockerImage(DockerImage, now.AddDays(-30)) { Size = 312_456_789 };
        image.Tags.Add("crossbario/crossbar:latest");
        node.DockerImages.Add(image.Id, image);
        var python = new SimulatedDockerImage("sha256:2d4f6b8a0c1e3f5a7b9d0e2c4a6f8b1d3e5c7a9f0b2d4e6a8c1f3b5d7e9a0c2e", now.AddDays(-60)) { Size = 131_072_000 };
        python.Tags.Add("python:3.11-slim");
        node.DockerImages.Add(python.Id, python);
        node.DockerContainers.Add(DockerContainer, new SimulatedDockerContainer(DockerContainer, "crossbario/crossbar:latest", now.AddHours(-2))
        {
            Name = "/crossbar",
            Config = Json("""{"image":"crossbario/crossbar:latest","ports":{"8080/tcp":8080}}"""),
        });
    }

    private static SimulatedRouterWorker Router(DateTimeOffset now)
    {
        var router = new SimulatedRouterWorker(RouterWorker, now, 1001) { Options = Json("""{"pythonpath":[".."]}""") };
        router.Log.AddRange(["Router worker started", "Realm 'realm1' started", "Transport 'transport1' started listening on TCP port 8080"]);

        var realm = new SimulatedRouterRealm(RouterRealm, RouterRealm, Json("""{"name":"realm1","roles":[{"name":"backend"},{"name":"public"}]}"""), now);
        realm.Roles.Add("backend", new SimulatedRealmRole("backend", "backend", Json("""{"name":"backend","permissions":[{"uri":"","match":"prefix","allow":{"call":true,"register":true,"publish":true,"subscribe":true},"disclose":{"caller":true,"publisher":true},"cache":true}]}"""), now));
        realm.Roles.Add("public", new SimulatedRealmRole("public", "public", Json("""{"name":"public","permissions":[{"uri":"com.example.","match":"prefix","allow":{"call":true,"register":false,"publish":false,"subscribe":true},"disclose":{"caller":false,"publisher":false},"cache":true}]}"""), now));
        realm.Sessions.Add(new SimulatedSession(7_263_401_129_838_592, "backend1", "backend", "anonymous", "websocket"));
        realm.Sessions.Add(new SimulatedSession(1_458_283_011_940_358, "browser1", "public", "anonymous", "websocket"));
        realm.Registrations.Add(new SimulatedRegistration(5_613_264_811_398_475, "com.example.add2", "exact", "single", [7_263_401_129_838_592], now));
        realm.Subscriptions.Add(new SimulatedSubscription(2_842_391_002_193_846, "com.example.oncounter", "exact", [1_458_283_011_940_358], now));
        router.Realms.Add(realm.Id, realm);

        var web = new SimulatedTransport(WebTransport, "web", Json("""{"type":"web","endpoint":{"type":"tcp","port":8080},"paths":{"/":{"type":"static","directory":"../web"},"ws":{"type":"websocket"}}}"""), now);
        web.Paths.Add("/", new SimulatedTransportPath("/", "static", Json("""{"type":"static","directory":"../web"}"""), now));
        web.Paths.Add("ws", new SimulatedTransportPath("ws", "websocket", Json("""{"type":"websocket","serializers":["json","cbor","msgpack"]}"""), now));
        router.Transports.Add(web.Id, web);

        router.Components.Add(RouterComponent, new SimulatedComponent(RouterComponent, Json("""{"type":"class","classname":"backend.Backend","realm":"realm1","role":"backend"}"""), now));

        var trace = new SimulatedTrace(Trace, Json("""{"trace_level":"message","trace_app_payload":false,"batching_period":200,"persist":false,"duration":null,"limit":null}"""), now.AddMinutes(-10))
        {
            Status = "stopped",
            Ended = now.AddMinutes(-5),
        };
        string[] types = ["CALL", "INVOCATION", "YIELD", "RESULT", "PUBLISH"];
        for (int i = 0; i < TraceRecords; i++)
        {
            string type = types[i % types.Length];
            string direction = type is "INVOCATION" or "RESULT" ? "tx" : "rx";
            trace.Add(trace.Started.AddMilliseconds(100 * i), RouterRealm, direction, realm.Sessions[i % 2].SessionId, type, type == "PUBLISH" ? "com.example.oncounter" : "com.example.add2");
        }

        router.Traces.Add(trace.Id, trace);
        return router;
    }

    private static SimulatedContainerWorker Container(DateTimeOffset now)
    {
        var container = new SimulatedContainerWorker(ContainerWorker, now, 1002);
        container.Log.Add("Container worker started");
        container.Components.Add(ContainerComponent, new SimulatedComponent(ContainerComponent, Json("""{"type":"class","classname":"app.Hello","realm":"realm1","transport":{"type":"websocket","endpoint":{"type":"tcp","host":"127.0.0.1","port":8080},"url":"ws://127.0.0.1:8080/ws"}}"""), now));
        return container;
    }

    private static SimulatedProxyWorker Proxy(DateTimeOffset now)
    {
        var proxy = new SimulatedProxyWorker(ProxyWorker, now, 1003);
        proxy.Log.Add("Proxy worker started");
        var transport = new SimulatedTransport(ProxyTransport, "web", Json("""{"type":"web","endpoint":{"type":"tcp","port":8443},"paths":{"ws":{"type":"websocket"}}}"""), now);
        transport.Paths.Add("ws", new SimulatedTransportPath("ws", "websocket", Json("""{"type":"websocket"}"""), now));
        proxy.Transports.Add(transport.Id, transport);
        proxy.Routes.Add("route1", Json("""{"id":"route1","realm":"realm1","connections":["connection1"]}"""));
        proxy.Connections.Add("connection1", Json("""{"id":"connection1","realm":"realm1","transport":{"type":"rawsocket","endpoint":{"type":"tcp","host":"127.0.0.1","port":8081},"serializer":"cbor"}}"""));
        return proxy;
    }

    private static JsonElement Json(string json) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json));
}

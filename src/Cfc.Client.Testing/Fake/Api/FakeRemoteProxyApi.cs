using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote proxy worker API: the seed's proxy transports (<c>get_proxy_transports</c>, <c>get_proxy_transport</c>,
/// <c>start_proxy_transport</c>, <c>stop_proxy_transport</c>, same rules as router transports) plus the node API's
/// read-only <c>get_proxy_routes</c> and <c>get_proxy_connections</c> / <c>get_proxy_connection</c>.
/// </summary>
internal sealed class FakeRemoteProxyApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteProxy, state, host, schemes)
{
    public override void Register()
    {
        Remote("get_proxy_transports", (c, a) => FakeJson.Result(Proxy(c, a).Transports.Keys));
        Remote("get_proxy_transport", (c, a) =>
            FakeJson.Result(FakeRemoteRouterApi.TransportObject(Find(Proxy(c, a).Transports, a.String(2, "transport_id"), "proxy transport"))));
        Remote("start_proxy_transport", (c, a) => FakeJson.Result(FakeRemoteRouterApi.StartTransport(Proxy(c, a).Transports, a, State.Now)));
        Remote("stop_proxy_transport", (c, a) =>
        {
            SimulatedProxyWorker worker = Proxy(c, a);
            SimulatedTransport transport = Find(worker.Transports, a.String(2, "transport_id"), "proxy transport");
            worker.Transports.Remove(transport.Id);
            return FakeJson.Result(w =>
            {
                w.WriteString("id", transport.Id);
                w.WriteTime("stopped", State.Now);
                w.WriteString("who", c.AuthId);
            });
        });
        Remote("get_proxy_routes", (c, a) => WampPayload.FromArguments(FakeJson.Array(w =>
        {
            foreach (System.Text.Json.JsonElement route in Proxy(c, a).Routes.Values)
            {
                route.WriteTo(w);
            }
        })));
        Remote("get_proxy_connections", (c, a) => FakeJson.Result(Proxy(c, a).Connections.Keys));
        Remote("get_proxy_connection", (c, a) => FakeJson.Result(Find(Proxy(c, a).Connections, a.String(2, "connection_id"), "proxy connection")));
    }

    private SimulatedProxyWorker Proxy(FakeCallContext c, FakeArgs a) => Worker<SimulatedProxyWorker>(c, a, "proxy");
}

using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.remote.proxy.*(node_oid, worker_id, ...)</c> on proxy workers, with a crossbar v22.6.1 edge's
/// answers: <c>get_proxy_transports</c> (sorted ids), <c>get_proxy_transport</c> (<c>{id, type, config, created_at,
/// listening_since, state}</c>; "No transport &lt;id&gt;" for an unknown id), <c>start_proxy_transport(transport_id, config)</c>
/// (the same object; <c>crossbar.error.already_running</c> for a running id) and <c>stop_proxy_transport</c>, which the real
/// proxy worker fails every time (<c>wamp.error.runtime_error</c>, it reads an attribute it lacks); the transport stays.
/// </summary>
internal sealed class MasterRemoteProxyApi(FakeMasterState master, IFakeCfcHost host) : MasterRemoteApiGroup("proxy", master, host)
{
    // What crossbar's RouterTransport reports as its state once it listens.
    private const int Listening = 3;

    public override void Register()
    {
        Remote("get_proxy_transports", (c, a) =>
            FakeJson.Result(Worker<SimulatedProxyWorker>(c, a, "get_proxy_transports").Worker.Transports.Keys.Order(StringComparer.Ordinal)));
        Remote("get_proxy_transport", (c, a) =>
        {
            SimulatedProxyWorker worker = Worker<SimulatedProxyWorker>(c, a, "get_proxy_transport").Worker;
            string id = a.String(2, "transport_id");
            return worker.Transports.TryGetValue(id, out SimulatedTransport? transport)
                ? One(TransportObject(transport))
                : throw MasterErrors.NoSuchObject($"No transport {id}");
        });
        Remote("start_proxy_transport", (c, a) =>
        {
            SimulatedProxyWorker worker = Worker<SimulatedProxyWorker>(c, a, "start_proxy_transport").Worker;
            string id = a.String(2, "transport_id");
            JsonElement config = a.Object(3, "config");
            if (worker.Transports.ContainsKey(id))
            {
                throw MasterErrors.Error(
                    FakeErrors.AlreadyRunning, $"Could not start transport: a transport with ID \"{id}\" is already running (or starting)");
            }

            var transport = new SimulatedTransport(id, FakeJson.GetString(config, "type") ?? "websocket", config, State.Now);
            worker.Transports.Add(id, transport);
            return One(TransportObject(transport));
        });
        Remote("stop_proxy_transport", (c, a) =>
        {
            _ = Worker<SimulatedProxyWorker>(c, a, "stop_proxy_transport");
            throw MasterErrors.Runtime("'ProxyController' object has no attribute '_transports'");
        });
    }

    private static JsonElement TransportObject(SimulatedTransport transport) => FakeJson.Object(w =>
    {
        w.WriteString("id", transport.Id);
        w.WriteString("type", transport.Type);
        w.Write("config", transport.Config);
        w.WriteString("created_at", FakeJson.Iso(transport.Created));
        w.WriteString("listening_since", FakeJson.Iso(transport.Created));
        w.WriteNumber("state", Listening);
    });
}

using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.domain.*</c> on the global realm: <c>get_status</c> (<c>{"type":"domain", realm, now, started,
/// uptime, tick}</c>), <c>get_version</c>, <c>get_license</c> (the free tier, as hard-coded on the master) and the
/// <c>on_tick</c> heartbeat (<c>{now, tick}</c>, counting from 1 after each start of the domain controller).
/// </summary>
internal sealed class MasterDomainApi(FakeMasterState master, IFakeCfcHost host, string version) : MasterApiGroup(master, host)
{
    public override void Register()
    {
        Procedure(Global, MasterUris.Domain("get_status"), "DomainManager.get_status", (_, a) =>
        {
            a.AtMost(0);
            return MasterJson.Status("domain", Global, State.Now, Master.DomainStarted, Master.DomainTick);
        });
        Procedure(Global, MasterUris.Domain("get_version"), "DomainManager.get_version", (_, a) =>
        {
            a.AtMost(0);
            return MasterJson.Result(w =>
            {
                w.WriteString("executable", "/usr/bin/python3");
                w.WriteString("platform", "Linux-x86_64");
                w.WriteString("machine", "x86_64");
                w.WriteString("py_ver", "3.11.2");
                w.WriteString("py_ver_string", "3.11.2 (main) [GCC 12.2.0]");
                w.WriteString("py_ver_detail", "CPython");
                w.WriteBoolean("py_is_frozen", false);
                w.WriteString("pip_ver", "23.0.1");
                w.WriteString("tx_ver", "22.4.0-EPollReactor");
                w.WriteString("tx_loc", "twisted.internet.epollreactor.EPollReactor");
                w.WriteString("txaio_ver", "21.2.1");
                w.WriteString("ab_ver", "22.7.1");
                w.WriteString("ab_loc", "autobahn.websocket.protocol.WebSocketProtocol");
                w.WriteString("utf8_ver", "wsaccel-0.6.2");
                w.WriteString("utf8_loc", "wsaccel.utf8validator.Utf8Validator");
                w.WriteString("xor_ver", "wsaccel-0.6.2");
                w.WriteString("xor_loc", "wsaccel.xormask.XorMaskerNull");
                w.WriteString("json_ver", "stdlib");
                w.WriteString("msgpack_ver", "msgpack-1.0.3");
                w.WriteString("cbor_ver", "cbor2-5.4.6");
                w.WriteString("ubjson_ver", "ubjson-0.16.1");
                w.WriteString("flatbuffers_ver", "flatbuffers-2.0.8");
                w.WriteString("lmdb_ver", "1.4.0/lmdb-0.9.24");
                w.WriteString("crossbar_ver", version);
                w.WriteString("numpy_ver", "1.24.2");
                w.WriteString("zlmdb_ver", "22.6.1");
                w.WriteString("cfxdb_ver", "22.6.1");
                w.WriteString("xbr_ver", string.Empty);
                w.WriteString("release_pubkey", "RWRgokUo5rovJw07csyhF67Tw2NOeE7ygo/lxLYK0iF7LVZFxb4O6ti5");
                w.WriteStrings("supported_serializers", ["JSON", "MessagePack", "CBOR", "UBJSON", "Flatbuffers"]);
            });
        });
        Procedure(Global, MasterUris.Domain("get_license"), "DomainManager.get_license", (_, a) =>
        {
            a.AtMost(0);
            return MasterJson.Result(w =>
            {
                w.WriteString("product", "crossbar-free-tier");
                w.WriteString("description", "crossbar free usage tier including 5 managed nodes.");
                w.WriteString("terms", "https://crossbario.com/license");
                w.WriteStartObject("features");
                w.WriteBoolean("xbr", false);
                w.WriteEndObject();
                w.WriteStartObject("limits");
                w.WriteNumber("concurrent-nodes", 5);
                w.WriteEndObject();
            });
        });
    }

    /// <summary>One domain heartbeat (none while the domain controller restarts).</summary>
    public ValueTask TickAsync()
    {
        WampPayload tick;
        lock (State.Gate)
        {
            if (Master.IsRestarting)
            {
                return ValueTask.CompletedTask;
            }

            Master.DomainTick++;
            tick = MasterJson.Tick(State.Now, Master.DomainTick);
        }

        return PublishAsync(Global, MasterUris.Domain("on_tick"), tick);
    }
}

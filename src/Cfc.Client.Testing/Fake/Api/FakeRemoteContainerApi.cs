using System.Globalization;
using System.Text.Json;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote container worker API: <c>get_container_components</c>, <c>get_container_component</c>,
/// <c>start_container_component</c> (the seed passes only a config, whose <c>id</c> names the component, else one is
/// assigned; the node API's (component_id, config) form is accepted too; a present id gives
/// <c>crossbar.error.already_running</c>) and <c>stop_container_component</c> (<c>crossbar.error.no_such_object</c> when missing).
/// </summary>
internal sealed class FakeRemoteContainerApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteContainer, state, host, schemes)
{
    public override void Register()
    {
        Remote("get_container_components", (c, a) => FakeJson.Result(Container(c, a).Components.Keys));
        Remote("get_container_component", (c, a) =>
            FakeJson.Result(FakeRemoteRouterApi.ComponentObject(Find(Container(c, a).Components, a.String(2, "component_id"), "container component"), State.Now)));
        Remote("start_container_component", (c, a) =>
        {
            SimulatedContainerWorker worker = Container(c, a);
            string? id;
            JsonElement config;
            if (a.TryGet(2, "component_config", out JsonElement third) && third.ValueKind == JsonValueKind.Object)
            {
                config = third.Clone();
                id = FakeJson.GetString(config, "id");
            }
            else
            {
                id = a.String(2, "component_id");
                config = a.Object(3, "component_config");
            }

            id ??= NextId(worker);
            if (worker.Components.ContainsKey(id))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyRunning, $"component '{id}' is already running in container '{worker.Id}'");
            }

            var component = new SimulatedComponent(id, config, State.Now);
            worker.Components.Add(id, component);
            return FakeJson.Result(w =>
            {
                w.WriteString("id", id);
                w.Write("config", config);
                w.WriteTime("started", component.Created);
            });
        });
        Remote("stop_container_component", (c, a) =>
        {
            SimulatedContainerWorker worker = Container(c, a);
            SimulatedComponent component = Find(worker.Components, a.String(2, "component_id"), "container component");
            worker.Components.Remove(component.Id);
            return FakeJson.Result(w =>
            {
                w.WriteString("component_id", component.Id);
                w.WriteNumber("uptime", Math.Round((State.Now - component.Created).TotalSeconds, 3));
                w.WriteStartObject("caller");
                w.WriteNumber("session", c.SessionId);
                w.WriteString("authid", c.AuthId);
                w.WriteString("authrole", c.AuthRole);
                w.WriteEndObject();
            });
        });
    }

    private SimulatedContainerWorker Container(FakeCallContext c, FakeArgs a) => Worker<SimulatedContainerWorker>(c, a, "container");

    private static string NextId(SimulatedContainerWorker worker)
    {
        for (int n = worker.Components.Count + 1; ; n++)
        {
            string id = "component" + n.ToString(CultureInfo.InvariantCulture);
            if (!worker.Components.ContainsKey(id))
            {
                return id;
            }
        }
    }
}

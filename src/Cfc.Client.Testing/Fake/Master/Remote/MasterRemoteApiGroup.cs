using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The base of the master's remote API groups: <c>crossbarfabriccenter.remote.&lt;api&gt;.&lt;proc&gt;(node_oid, [worker_id,] ...)</c>
/// on every management realm. The master maps the oid to the node's authid and forwards the call to
/// <c>crossbarfabriccenter.node.&lt;authid&gt;[.worker.&lt;worker_id&gt;].&lt;proc&gt;</c>, which the node registers while it is connected.
/// So: a missing oid is <c>runtime_error</c> about <c>forward()</c>, a non-uuid <c>runtime_error</c> "badly formed hexadecimal
/// UUID string", an unknown or offline node, a worker the node does not have, or a worker of another type (which registers
/// other procedures) <c>wamp.error.no_such_procedure</c> naming the forwarded URI.
/// </summary>
internal abstract class MasterRemoteApiGroup(string api, FakeMasterState master, IFakeCfcHost host) : MasterApiGroup(master, host)
{
    private const string Forward = "RemoteApi.register.<locals>.create_forward_by_node.<locals>.forward";

    /// <summary>Registers <c>remote.&lt;api&gt;.&lt;name&gt;</c> running under the state lock.</summary>
    protected void Remote(string name, Func<FakeCallContext, MasterArgs, WampPayload> handler) =>
        Procedure(null, MasterUris.Remote(api, name), Forward, handler);

    /// <summary>Registers <c>remote.&lt;api&gt;.&lt;name&gt;</c> taking the state lock itself (it publishes events).</summary>
    protected void RemoteAsync(string name, Func<FakeCallContext, MasterArgs, CancellationToken, ValueTask<WampPayload>> handler) =>
        ProcedureAsync(null, MasterUris.Remote(api, name), Forward, handler);

    /// <summary>The connected node argument 0 names by oid, for forwarding to the node-level <paramref name="target"/>. Call under the lock.</summary>
    protected SimulatedNode Node(FakeCallContext context, MasterArgs a, string target)
    {
        string oid = NodeOid(a);
        SimulatedNode? node = State.NodesOf(context.Realm).FirstOrDefault(n => string.Equals(n.Oid, oid, StringComparison.OrdinalIgnoreCase));
        return node is { IsOnline: true } ? node : throw MasterErrors.NoSuchProcedure(MasterUris.NodeTarget(node?.NodeId, null, target));
    }

    /// <summary>The worker (of type <typeparamref name="T"/>) arguments 0 and 1 name, for the worker-level <paramref name="target"/>. Call under the lock.</summary>
    protected (SimulatedNode Node, T Worker) Worker<T>(FakeCallContext context, MasterArgs a, string target)
        where T : SimulatedWorker
    {
        string oid = NodeOid(a);
        string workerId = a.String(1, "worker_id");
        SimulatedNode? node = State.NodesOf(context.Realm).FirstOrDefault(n => string.Equals(n.Oid, oid, StringComparison.OrdinalIgnoreCase));
        return node is { IsOnline: true } && node.Workers.GetValueOrDefault(workerId) is T worker
            ? (node, worker)
            : throw MasterErrors.NoSuchProcedure(MasterUris.NodeTarget(node?.NodeId, workerId, target));
    }

    private static string NodeOid(MasterArgs a)
    {
        string oid = a.String(0, "node_oid");
        return MasterArgs.IsUuid(oid) ? oid : throw MasterErrors.Runtime(MasterErrors.BadUuid);
    }

    /// <summary>A node's answer for an object id it does not have: <c>crossbar.error.no_such_object</c>.</summary>
    protected static T Find<T>(IDictionary<string, T> items, string id, string what) =>
        items.TryGetValue(id, out T? item) ? item : throw MasterErrors.NoSuchObject($"No {what} with ID '{id}'");

    /// <summary>The session id the node reports as <c>who</c>: the master's uplink session on the node, stable per node.</summary>
    protected static long Who(SimulatedNode node) => (long)(((ulong)node.Oid.GetHashCode(StringComparison.Ordinal) * 2654435761UL) % (1UL << 52)) + 1;
}

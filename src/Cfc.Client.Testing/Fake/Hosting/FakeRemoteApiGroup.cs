using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The base of the remote groups (<c>remote.node|worker|router|...</c>): they live on every management realm and
/// address a node of that realm by its node id (authid) or oid, then a worker of that node.
/// </summary>
internal abstract class FakeRemoteApiGroup(FakeApi api, FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes)
    : FakeApiGroup(api, state, host, schemes)
{
    /// <summary>Registers a remote procedure on every management realm.</summary>
    protected void Remote(string name, Func<FakeCallContext, FakeArgs, WampPayload> handler) => Procedure(null, name, handler);

    /// <summary>Registers a remote procedure that publishes events (takes the state lock itself).</summary>
    protected void RemoteAsync(string name, Func<FakeCallContext, FakeArgs, CancellationToken, ValueTask<WampPayload>> handler) =>
        ProcedureAsync(null, name, handler);

    /// <summary>The node named by argument 0, which must be paired with the caller's realm and online. Call under the lock.</summary>
    protected SimulatedNode Node(FakeCallContext context, FakeArgs args)
    {
        string nodeId = args.String(0, "node_id");
        SimulatedNode node = State.FindNode(context.Realm, nodeId) ?? throw FakeErrors.NotFound($"node '{nodeId}' in management realm '{context.Realm}'");
        if (!node.IsOnline)
        {
            // What the master answers when the node's management session is gone.
            throw FakeErrors.Error(FakeErrors.NoSuchProcedure, $"node '{nodeId}' is offline");
        }

        return node;
    }

    /// <summary>The worker named by argument 1 of the node named by argument 0. Call under the lock.</summary>
    protected SimulatedWorker Worker(FakeCallContext context, FakeArgs args)
    {
        SimulatedNode node = Node(context, args);
        string workerId = args.String(1, "worker_id");
        return node.Workers.TryGetValue(workerId, out SimulatedWorker? worker)
            ? worker
            : throw FakeErrors.Error(FakeErrors.NoSuchWorker, $"no worker '{workerId}' on node '{node.NodeId}'");
    }

    /// <summary>The worker named by argument 1, which must be of type <typeparamref name="T"/>. Call under the lock.</summary>
    protected T Worker<T>(FakeCallContext context, FakeArgs args, string kind)
        where T : SimulatedWorker =>
        Worker(context, args) as T ?? throw FakeErrors.Error(FakeErrors.NoSuchWorker, $"worker '{args.String(1, "worker_id")}' is not a {kind} worker");

    protected static T Find<T>(IDictionary<string, T> items, string id, string what) =>
        items.TryGetValue(id, out T? item) ? item : throw FakeErrors.NotFound($"{what} '{id}'");
}

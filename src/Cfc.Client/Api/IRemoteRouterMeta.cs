using Cfc.Wamp;

namespace Cfc.Client;

public partial interface IRemoteRouterMeta
{
    /// <summary>
    /// Calls any WAMP meta procedure of a node's router realm through CFC (the seed's <c>cfc.remote.router.meta.*</c>),
    /// for meta procedures without a typed member.
    /// </summary>
    /// <param name="nodeId">ID of the node.</param>
    /// <param name="workerId">ID of the router worker.</param>
    /// <param name="realmId">ID of the router realm whose meta API to use.</param>
    /// <param name="metaProcedure">The WAMP meta procedure, e.g. <c>wamp.session.count</c>.</param>
    /// <param name="arguments">The meta procedure's own arguments (sent after node, worker and realm IDs).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The raw result.</returns>
    /// <exception cref="ArgumentException">An ID or the procedure is empty, or <paramref name="metaProcedure"/> does not start with <c>wamp.</c>.</exception>
    /// <exception cref="CfcException">The call failed.</exception>
    Task<WampResult> CallMetaAsync(string nodeId, string workerId, string realmId, string metaProcedure, WampPayload arguments = default, CancellationToken cancellationToken = default);
}

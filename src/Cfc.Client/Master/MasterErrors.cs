using System.Text.Json;
using Cfc.Client.Uris;
using Cfc.Wamp;

namespace Cfc.Client.Master;

/// <summary>
/// Explains the real master's errors (crossbar v22.6.1, ../shared/crossbar-master/FACTS.md): its bugs, its
/// argument-less runtime errors, the domain controller restart, unknown or offline nodes. Every explanation says what
/// happened on the server and what to do.
/// </summary>
internal static class MasterErrors
{
    private const string RuntimeError = WampErrorUris.RuntimeError;
    private const string Canceled = WampErrorUris.Canceled;
    private const string FeatureUnavailable = CfcErrorUris.FeatureUnavailable;

    /// <summary>Maps a failed master call.</summary>
    /// <param name="member">The member that was called.</param>
    /// <param name="uri">The master procedure.</param>
    /// <param name="sent">The arguments as sent (the realm name for deletes, the node oid for remote calls).</param>
    /// <param name="nodeId">The node id the user gave, for remote calls.</param>
    /// <param name="realm">The realm the session joined.</param>
    /// <param name="exception">The WAMP error.</param>
    /// <returns>The exception to throw.</returns>
    public static CfcException Map(MasterMember member, string uri, WampPayload sent, string? nodeId, string? realm, WampException exception)
    {
        string operation = $"{member.DisplayName} (master procedure {uri})";
        string? first = FirstStringArgument(exception);
        bool noArgs = exception.Arguments is not { ValueKind: JsonValueKind.Array } a || a.GetArrayLength() == 0;

        if (exception.ErrorUri == CfcNoSuchProcedureException.NoSuchProcedureUri)
        {
            return NoSuchProcedure(member, uri, nodeId, realm, exception, operation);
        }

        string? hint = (exception.ErrorUri, member.Member) switch
        {
            (RuntimeError, CfcMember.ManagementRealmsDeleteRealm) when first is not null && first == StringArg(sent, 0) =>
                $"this is a known bug of crossbar v22.6.1 (RouterFactory.stop_realm raises KeyError('{first}')): every management realm delete " +
                "fails this way and the realm stays (with cascade=true its nodes were unpaired first). Nothing in the client can work around it; " +
                "upgrade the master or apply the upstream stop_realm fix",
            (RuntimeError, CfcMember.RemoteRouterStopRouterRealm) when first is not null =>
                $"this is a known bug of crossbar v22.6.1 (RouterFactory.stop_realm raises KeyError('{first}')): the edge fails every " +
                "stop_router_realm. Stop the router worker (RemoteNode.StopWorkerAsync) to end the realm, or upgrade the edge",
            (RuntimeError, CfcMember.RemoteRouterGetRouterRealmRoles) =>
                "a known bug of the crossbar v22.6.1 edge (it cannot serialize the role list, a dict_values); " +
                "get each role with GetRouterRealmRoleAsync or read the realm's roles from GetRouterRealmAsync",
            (RuntimeError, CfcMember.ManagementRealmsPairNode) when first is not null && first.StartsWith("key must be an UUID", StringComparison.Ordinal) =>
                $"the master has no management realm named '{StringArg(sent, 1)}' (crossbar v22.6.1 reports an unknown realm this way); create it first",
            (RuntimeError, CfcMember.FleetCreateTrace) when first is not null && first.StartsWith("Subscripted generics", StringComparison.Ordinal) =>
                "a known bug of crossbar v22.6.1: the type check of create_trace cannot check its traced_workers argument " +
                "(List[Tuple[str, str]]) and fails every call, so no management realm trace can be created on this master. " +
                "Trace each router worker with client.RemoteTracing.StartRouterTraceAsync instead, or upgrade the master",
            (RuntimeError, CfcMember.FleetCreateTrace) when first is not null && first.Contains("already exists", StringComparison.Ordinal) =>
                "the management realm has a trace with this id already; delete it first (DeleteTraceAsync) or pick another id",
            (RuntimeError, CfcMember.FleetStartTrace or CfcMember.FleetStopTrace or CfcMember.FleetDeleteTrace)
                when first is not null && first.StartsWith("no trace with ID", StringComparison.Ordinal) =>
                "the management realm has no trace with this id (GetTracesAsync lists them)",
            (RuntimeError, CfcMember.FleetStartTrace or CfcMember.FleetStopTrace or CfcMember.FleetDeleteTrace)
                when first is not null && first.StartsWith("cannot ", StringComparison.Ordinal) =>
                "the trace is not in a state that allows this: start a stopped trace, stop a running one, delete a stopped one (GetTraceAsync tells its status)",
            (Canceled, _) when member.Node != MasterNodeArgument.None =>
                $"node '{nodeId}' (or its worker) disconnected from the master while the call was in flight; the call may or may not have " +
                "taken effect: check the node's status (client.ManagementRealm.GetNodeAsync(nodeId).Status), then retry",
            (FeatureUnavailable, _) =>
                $"node '{nodeId}' has no Docker available (no Docker daemon on its host, or the node's Docker integration is not enabled); " +
                "RemoteNode.GetStatusAsync(nodeId) reports it (has_docker). Install and enable Docker on that host to use the Docker API",
            (RuntimeError, CfcMember.RemoteWorkerStartProfiler) when first == "no such profiler" =>
                "the worker has no profiler of that name (RemoteWorker.GetProfilersAsync lists them; a node without vmprof installed has none)",
            (Canceled, _) =>
                "the master's domain controller restarted while the call was in flight (it crashes when an asynchronous global procedure " +
                "misses arguments, and restarts within a few seconds); the call may or may not have taken effect: check, then retry",
            (RuntimeError, _) when noArgs =>
                "the master raised an exception without a message (an assertion or a NotImplementedError inside the master: a wrong argument " +
                "type, a procedure the master registers but does not implement, or a stored object it cannot read, e.g. a node paired with " +
                "an invalid public key)",
            (RuntimeError, _) when first is not null && first.Contains("badly formed hexadecimal UUID", StringComparison.Ordinal) =>
                "an object id argument is not a UUID",
            (RuntimeError, _) when first is not null && first.Contains("required positional argument", StringComparison.Ordinal) =>
                "the master expected more arguments than were sent",
            (WampErrorUris.TypeCheckError, _) =>
                "the master checks argument types on this procedure and refused one",
            _ => null,
        };

        CfcException mapped = CfcErrors.Map(exception, operation, hint);
        if (member.Member == CfcMember.ManagementRealmsPairNode && hint is not null && exception.ErrorUri == RuntimeError &&
            first is not null && first.StartsWith("key must be an UUID", StringComparison.Ordinal))
        {
            // It is a missing realm; callers branch on not-found.
            return CfcErrors.AsNotFound(mapped, exception);
        }

        if (exception.ErrorUri == RuntimeError && first is not null && member.Member is CfcMember.FleetStartTrace or CfcMember.FleetStopTrace or CfcMember.FleetDeleteTrace &&
            first.StartsWith("no trace with ID", StringComparison.Ordinal))
        {
            // The master raises a bare Exception for an unknown trace; callers branch on not-found, as get_trace_data's no_such_object is.
            return CfcErrors.AsNotFound(mapped, exception);
        }

        if (exception.ErrorUri == RuntimeError && first is not null && member.Member == CfcMember.FleetCreateTrace &&
            first.Contains("already exists", StringComparison.Ordinal))
        {
            return new CfcAlreadyExistsException(exception.ErrorUri, mapped.Message, exception.Arguments, exception.ArgumentsKeywords, exception);
        }

        return mapped;
    }

    /// <summary>Whether a remote call failed because the node oid is unknown to the master or the node is not connected.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>Whether re-resolving the node may help.</returns>
    public static bool MayBeStaleNode(WampException exception) =>
        exception.ErrorUri == CfcNoSuchProcedureException.NoSuchProcedureUri;

    private static CfcNoSuchProcedureException NoSuchProcedure(
        MasterMember member, string uri, string? nodeId, string? realm, WampException exception, string operation)
    {
        string target = FirstStringArgument(exception) ?? uri;
        string why;
        if (member.Node != MasterNodeArgument.None && target.Contains(".node.None.", StringComparison.Ordinal))
        {
            why = $"the master knows no node '{nodeId}' in management realm {realm} (it is not paired, or was unpaired); " +
                  "check client.ManagementRealm.GetNodesAsync()";
        }
        else if (member.Node != MasterNodeArgument.None)
        {
            why = $"node '{nodeId}' is not connected to the master (offline), or it has no such worker or realm, or the worker's type " +
                  "does not offer this procedure; check client.ManagementRealm.GetNodeAsync(nodeId).Status and RemoteNode.GetWorkersAsync";
        }
        else if (realm is not null && (realm == CfcRealms.Global) != (CfcUriTablesRealm(member) == CfcApiRealm.Global))
        {
            why = CfcErrors.WrongRealmHint(exception.ErrorUri, CfcUriTablesRealm(member), realm) ?? "wrong realm";
        }
        else
        {
            why = "the master's controller for this realm is not running; it restarts within a few seconds after a crash " +
                  "(e.g. after a call with missing arguments): retry shortly";
        }

        return CfcErrors.NoSuchProcedure(operation, target, why, uri, CfcUriScheme.CrossbarMaster, exception);
    }

    private static CfcApiRealm CfcUriTablesRealm(MasterMember member) =>
        member.Interface is "IFabricSystem" or "IManagementRealms" ? CfcApiRealm.Global : CfcApiRealm.Management;

    private static string? FirstStringArgument(WampException exception) =>
        exception.Arguments is { ValueKind: JsonValueKind.Array } args && args.GetArrayLength() > 0 && args[0].ValueKind == JsonValueKind.String
            ? args[0].GetString()
            : null;

    private static string? StringArg(WampPayload payload, int index) =>
        index < payload.Count && payload[index].ValueKind == JsonValueKind.String ? payload[index].GetString() : null;
}

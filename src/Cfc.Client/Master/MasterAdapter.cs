using System.Text.Json;
using Cfc.Client.Connection;
using Cfc.Client.Uris;
using Cfc.Wamp;

namespace Cfc.Client.Master;

/// <summary>
/// <see cref="CfcUriScheme.CrossbarMaster"/>: runs every typed call and event through <see cref="MasterMap"/>. A member
/// without counterpart throws before anything is sent; node ids become oids for the remote API (resolved with
/// <c>mrealm.get_node_by_authid</c>, cached, re-resolved once when a call finds no such node); arguments, results and
/// event payloads are reshaped by <see cref="MasterTranslations"/>; errors are explained by <see cref="MasterErrors"/>.
/// </summary>
internal sealed class MasterAdapter
{
    private const string GetNodeByAuthId = "crossbarfabriccenter.mrealm.get_node_by_authid";
    private const string GetMrealm = "crossbarfabriccenter.mrealm.get_mrealm";
    private const string GetNode = "crossbarfabriccenter.mrealm.get_node";

    private readonly CfcApiContext _context;

    /// <summary>Creates the adapter.</summary>
    /// <param name="context">The client's call and event plumbing.</param>
    public MasterAdapter(CfcApiContext context)
    {
        _context = context;
    }

    /// <summary>What the client learned about the master's oids.</summary>
    public MasterDirectory Directory { get; } = new();

    /// <summary>Calls a member on the master and returns the result in the seed's shape.</summary>
    /// <param name="member">The member.</param>
    /// <param name="payload">The seed-ordered arguments the typed API built (already checked).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The RESULT payload, translated.</returns>
    /// <exception cref="CfcNotSupportedException">The master has no counterpart (nothing was sent).</exception>
    public async Task<WampPayload> CallAsync(CfcMember member, WampPayload payload, CancellationToken cancellationToken)
    {
        MasterMember map = MasterMap.Get(member);
        if (map.Uri is null)
        {
            throw map.NotSupported();
        }

        ObjectDisposedException.ThrowIf(_context.IsDisposed, typeof(CfcClient));
        MasterTranslations.MasterCall call = MasterTranslations.PrepareCall(map, payload);
        string? nodeId = map.Node == MasterNodeArgument.Oid ? call.Payload[0].GetString() : null;
        WampPayload sent = call.Payload;
        if (nodeId is not null)
        {
            sent = MasterTranslations.ReplaceArgument(sent, 0, await ResolveNodeAsync(nodeId, cancellationToken).ConfigureAwait(false));
        }

        if (map.Translation == MasterTranslation.CreateTrace)
        {
            sent = await ResolveTracedWorkersAsync(sent, cancellationToken).ConfigureAwait(false);
        }

        WampResult result;
        try
        {
            result = await _context.Wamp.CallAsync(map.Uri, sent, null, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex) when (nodeId is not null && MasterErrors.MayBeStaleNode(ex) && !IsOid(nodeId))
        {
            // The cached oid may be stale (the node was unpaired and paired again under the same node id): look it up
            // once more and retry only when it changed.
            string stale = sent[0].GetString()!;
            Directory.ForgetNode(nodeId);
            string fresh;
            try
            {
                fresh = await ResolveNodeAsync(nodeId, cancellationToken).ConfigureAwait(false);
            }
            catch (CfcNotFoundException)
            {
                throw MasterErrors.Map(map, map.Uri, sent, nodeId, _context.Realm, ex);
            }

            if (fresh == stale)
            {
                throw MasterErrors.Map(map, map.Uri, sent, nodeId, _context.Realm, ex);
            }

            sent = MasterTranslations.ReplaceArgument(sent, 0, fresh);
            result = await CallOnceAsync(map, sent, nodeId, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex) when (map.Translation == MasterTranslation.NodeShutdown && ex.ErrorUri == WampErrorUris.Canceled)
        {
            // The edge stops its management uplink before it answers, so the master cancels the call: the node is going
            // down as asked. Its own shutdown object never arrives; what is known is which node it was.
            return new WampPayloadBuilder().Add(WampJson.BuildObject(w => w.WriteString("node_id", nodeId))).Build();
        }
        catch (WampException ex)
        {
            throw MasterErrors.Map(map, map.Uri, sent, nodeId, _context.Realm, ex);
        }

        Learn(map, result.Payload);
        return MasterTranslations.TranslateResult(map, call, result.Payload);
    }

    /// <summary>The event stream of a member on the master (a failing stream for a member without counterpart).</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="member">The member.</param>
    /// <param name="decode">Decodes the seed-shaped payload.</param>
    /// <returns>The stream.</returns>
    public CfcEventStream<T> GetEventStream<T>(CfcMember member, Func<WampPayload, T> decode)
    {
        MasterMember map = MasterMap.Get(member);
        if (map.Uri is null)
        {
            return _context.Events.GetUnsupported<T>(member.ToString(), map.NotSupported);
        }

        return map.Translation switch
        {
            MasterTranslation.RealmEvent => _context.Events.GetStream(map.Uri, decode, TranslateRealmEventAsync),
            MasterTranslation.NodeEvent => _context.Events.GetStream(map.Uri, decode, TranslateNodeEventAsync),
            MasterTranslation.LivenessEvent => _context.Events.GetStream(map.Uri, decode, TranslateLivenessEventAsync),
            _ => _context.Events.GetStream(map.Uri, decode),
        };
    }

    /// <summary>The master's oid of a node id: cached, else looked up with <c>get_node_by_authid</c>. A UUID passes as is.</summary>
    /// <param name="nodeId">The node id (authid), or an oid.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The oid.</returns>
    /// <exception cref="CfcNotFoundException">No node with that id is paired to the management realm.</exception>
    public async Task<string> ResolveNodeAsync(string nodeId, CancellationToken cancellationToken)
    {
        if (IsOid(nodeId))
        {
            return nodeId;
        }

        if (Directory.TryGetNodeOid(nodeId, out string cached))
        {
            return cached;
        }

        WampResult node;
        try
        {
            node = await _context.Wamp.CallAsync(GetNodeByAuthId, new WampPayloadBuilder().Add(nodeId).Build(), null, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (WampException ex)
        {
            string hint = ex.ErrorUri == CfcErrorUris.NoSuchObject
                ? $"no node with node id '{nodeId}' is paired to management realm {_context.Realm}"
                : $"the node id '{nodeId}' could not be resolved to the master's node oid";
            throw CfcErrors.Map(ex, $"Resolving node '{nodeId}' ({GetNodeByAuthId})", hint, GetNodeByAuthId, CfcUriScheme.CrossbarMaster, null);
        }

        string oid = node.Payload.Count > 0 ? MasterTranslations.GetString(node.Payload[0], "oid") ?? string.Empty : string.Empty;
        if (!IsOid(oid))
        {
            throw CfcErrors.ResultLacks($"{GetNodeByAuthId}('{nodeId}')", "node oid");
        }

        Directory.LearnNode(nodeId, oid);
        return oid;
    }

    // create_trace(trace_id, [[node_id, worker_id], ...], ...): the master keys its nodes by oid.
    private async Task<WampPayload> ResolveTracedWorkersAsync(WampPayload payload, CancellationToken cancellationToken)
    {
        var resolved = new List<(string NodeOid, string WorkerId)>();
        foreach (JsonElement pair in payload[1].EnumerateArray())
        {
            resolved.Add((await ResolveNodeAsync(pair[0].GetString()!, cancellationToken).ConfigureAwait(false), pair[1].GetString()!));
        }

        JsonElement workers = MasterTranslations.PairList(resolved);
        var builder = new WampPayloadBuilder();
        for (int i = 0; i < payload.Count; i++)
        {
            builder.Add(i == 1 ? workers : payload[i]);
        }

        if (payload.ArgumentsKeywords is { ValueKind: JsonValueKind.Object } keywords)
        {
            foreach (JsonProperty property in keywords.EnumerateObject())
            {
                builder.Keyword(property.Name, property.Value);
            }
        }

        return builder.Build();
    }

    private async Task<WampResult> CallOnceAsync(MasterMember map, WampPayload sent, string nodeId, CancellationToken cancellationToken)
    {
        try
        {
            return await _context.Wamp.CallAsync(map.Uri!, sent, null, cancellationToken).ConfigureAwait(false);
        }
        catch (WampException ex)
        {
            throw MasterErrors.Map(map, map.Uri!, sent, nodeId, _context.Realm, ex);
        }
    }

    private void Learn(MasterMember map, WampPayload result)
    {
        if (result.Count == 0 || result[0].ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (map.Member)
        {
            case CfcMember.ManagementRealmsGetRealm or CfcMember.ManagementRealmsCreateRealm:
                Directory.LearnRealm(result[0]);
                break;
            case CfcMember.ManagementRealmsPairNode or CfcMember.ManagementRealmGetNode:
                Directory.LearnNode(result[0]);
                break;
        }
    }

    // on_mrealm_created(mrealm) / on_realm_deleted(deleted) -> (realm_name, object)
    private ValueTask<WampPayload> TranslateRealmEventAsync(WampPayload payload, CancellationToken cancellationToken)
    {
        JsonElement realm = payload.Count > 0 ? payload[0] : WampJson.EmptyObject;
        Directory.LearnRealm(realm);
        string name = MasterTranslations.GetString(realm, "name") ?? throw new CfcEventFormatException("the realm object has no name");
        return ValueTask.FromResult(new WampPayloadBuilder().Add(name).Add(realm).Build());
    }

    // on_node_paired(node) / on_node_unpaired(node) -> (realm_name, node_id, node)
    private async ValueTask<WampPayload> TranslateNodeEventAsync(WampPayload payload, CancellationToken cancellationToken)
    {
        JsonElement node = payload.Count > 0 ? payload[0] : WampJson.EmptyObject;
        Directory.LearnNode(node);
        string oid = MasterTranslations.GetString(node, "oid") ?? throw new CfcEventFormatException("the node object has no oid");
        string nodeId = MasterTranslations.GetString(node, "authid") ?? (Directory.TryGetNodeId(oid, out string known) ? known : oid);
        string? realmOid = MasterTranslations.GetString(node, "mrealm_oid");
        string realmName = realmOid is null ? string.Empty : await RealmNameAsync(realmOid, cancellationToken).ConfigureAwait(false);
        return new WampPayloadBuilder().Add(realmName).Add(nodeId).Add(node).Build();
    }

    // on_node_ready/on_node_shutdown(node_oid, liveness) -> (node_id, liveness); the liveness object's authid is null.
    private async ValueTask<WampPayload> TranslateLivenessEventAsync(WampPayload payload, CancellationToken cancellationToken)
    {
        string oid = payload.Count > 0 && payload[0].ValueKind == JsonValueKind.String
            ? payload[0].GetString()!
            : throw new CfcEventFormatException("the node liveness event has no node oid");
        string nodeId = Directory.TryGetNodeId(oid, out string known) ? known : await NodeIdAsync(oid, cancellationToken).ConfigureAwait(false);
        JsonElement liveness = payload.Count > 1 ? payload[1] : WampJson.EmptyObject;
        return new WampPayloadBuilder().Add(nodeId).Add(liveness).Build();
    }

    private async Task<string> NodeIdAsync(string oid, CancellationToken cancellationToken)
    {
        try
        {
            WampResult node = await _context.Wamp.CallAsync(GetNode, new WampPayloadBuilder().Add(oid).Build(), null, cancellationToken)
                .ConfigureAwait(false);
            if (node.Payload.Count > 0)
            {
                Directory.LearnNode(node.Payload[0]);
            }
        }
        catch (WampException)
        {
            // unpaired meanwhile: the event names the node by its oid
        }

        return Directory.TryGetNodeId(oid, out string nodeId) ? nodeId : oid;
    }

    // The events name the realm by oid; the typed events by name. Events are delivered one at a time per topic on
    // their own task, so awaiting a lookup here keeps their order and blocks nothing else.
    private async Task<string> RealmNameAsync(string oid, CancellationToken cancellationToken)
    {
        if (Directory.TryGetRealmName(oid, out string name))
        {
            return name;
        }

        try
        {
            WampResult realm = await _context.Wamp.CallAsync(GetMrealm, new WampPayloadBuilder().Add(oid).Build(), null, cancellationToken)
                .ConfigureAwait(false);
            if (realm.Payload.Count > 0)
            {
                Directory.LearnRealm(realm.Payload[0]);
            }
        }
        catch (WampException)
        {
            // e.g. the realm was deleted meanwhile: the event still goes out, naming the realm by its oid
        }

        return Directory.TryGetRealmName(oid, out name) ? name : oid;
    }

    private static bool IsOid(string value) => value.Length == 36 && Guid.TryParseExact(value, "D", out _);
}

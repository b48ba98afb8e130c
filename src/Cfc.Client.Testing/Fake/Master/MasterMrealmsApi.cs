using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// <c>crossbarfabriccenter.mrealm.*</c> on the global realm, as crossbar v22.6.1's MrealmManager answers:
/// <list type="bullet">
/// <item>Management realms by oid and by name (<c>list_mrealms</c> gives oids in key order, or sorted names with
/// <c>return_names</c>); <c>create_mrealm({name, label?, description?, tags?})</c> checks the name (<c>fabric.invalid-realm</c>),
/// refuses duplicates (<c>crossbar.error.already_exists</c>), makes the realm joinable and publishes <c>on_mrealm_created(mrealm)</c>.</item>
/// <item>Deletes need <c>cascade</c> when nodes are paired (<c>crossbar.error.dependent_objects</c>); cascade unpairs them first.
/// With <see cref="FakeMasterState.StopRealmBug"/> every delete then fails with <c>runtime_error [name]</c> and the realm stays,
/// as on upstream v22.6.1; without it the realm goes and <c>on_realm_deleted(deleted)</c> is published.</item>
/// <item><c>pair_node(pubkey, realm_name, authid, authextra=None)</c> keeps the master's quirks: an unknown realm answers
/// "key must be an UUID", the public key is not validated (a node with a broken key then breaks reads with
/// <c>runtime_error</c> and no arguments), a second key under the same authid shadows the first. Nodes paired this way are
/// offline until something brings them online. Unpaired node records are kept, so re-pairing a key gives its old oid.</item>
/// <item>An async procedure called with a required argument missing crashes the domain controller (<c>wamp.error.canceled</c>,
/// then <c>no_such_procedure</c> for every global procedure until it is back). Wrong argument types fail an <c>assert</c>
/// (<c>runtime_error</c>, no arguments). The registered but unimplemented procedures answer like NotImplementedError.</item>
/// </list>
/// </summary>
internal sealed partial class MasterMrealmsApi(FakeMasterState master, IFakeCfcHost host) : MasterApiGroup(master, host)
{
    private static readonly string[] ProtectedPrefixes = ["crossbar", "fabric", "wamp", "autobahn", "com.crossbario"];

    private static readonly string[] NotImplemented =
    [
        "modify_mrealm", "set_roles_on_mrealm_for_user", "list_nodes", "list_nodes_by_mrealm", "list_nodes_by_mrealm_name",
        "get_node", "modify_node", "delete_node", "stat_node", "unpair_node_by_name",
    ];

    public override void Register()
    {
        Procedure(Global, MasterUris.Mrealm("list_mrealms"), "MrealmManager.list_mrealms", (_, a) =>
        {
            a.AtMost(1);
            bool names = a.Bool(0, "return_names", false);
            IEnumerable<FakeRealm> realms = State.Realms.Values.Where(r => r.Status == FakeRealmStatus.Active);
            return FakeJson.Result(names
                ? realms.Select(r => r.Name).Order(StringComparer.Ordinal)
                : realms.Select(r => r.Oid).Order(StringComparer.Ordinal));
        });
        Procedure(Global, MasterUris.Mrealm("get_mrealm"), "MrealmManager.get_mrealm", (_, a) =>
        {
            string oid = a.Uuid(0, "mrealm_oid");
            FakeRealm realm = RealmByOid(oid) ?? throw MasterErrors.NoSuchObject($"no management realm with oid {oid}");
            return One(MasterJson.Mrealm(realm, Master));
        });
        Procedure(Global, MasterUris.Mrealm("get_mrealm_by_name"), "MrealmManager.get_mrealm_by_name", (_, a) =>
        {
            string name = a.String(0, "mrealm_name");
            FakeRealm realm = ActiveRealm(name) ?? throw MasterErrors.NoSuchObject($"no management realm with name {name}");
            return One(MasterJson.Mrealm(realm, Master));
        });
        ProcedureAsync(Global, MasterUris.Mrealm("create_mrealm"), "MrealmManager.create_mrealm", (c, a, ct) =>
            a.Has(0, "mrealm") ? CreateAsync(c, a.Required(0, "mrealm"), ct) : throw Crash());
        ProcedureAsync(Global, MasterUris.Mrealm("delete_mrealm"), "MrealmManager.delete_mrealm", (c, a, ct) =>
        {
            if (!a.Has(0, "mrealm_oid"))
            {
                throw Crash();
            }

            string oid = a.Uuid(0, "mrealm_oid");
            FakeRealm realm;
            lock (State.Gate)
            {
                realm = RealmByOid(oid) ?? throw MasterErrors.NoSuchObject($"no management realm with ID \"{oid}\"");
            }

            return DeleteAsync(c, realm, a.Bool(1, "cascade", false), ct);
        });
        ProcedureAsync(Global, MasterUris.Mrealm("delete_mrealm_by_name"), "MrealmManager.delete_mrealm_by_name", (c, a, ct) =>
        {
            if (!a.Has(0, "mrealm_name"))
            {
                throw Crash();
            }

            string name = a.String(0, "mrealm_name");
            FakeRealm realm;
            lock (State.Gate)
            {
                realm = ActiveRealm(name) ?? throw MasterErrors.NoSuchObject($"no management realm with name \"{name}\"");
            }

            return DeleteAsync(c, realm, a.Bool(1, "cascade", false), ct);
        });
        ProcedureAsync(Global, MasterUris.Mrealm("pair_node"), "MrealmManager.pair_node", async (c, a, _) =>
        {
            if (!a.Has(0, "pubkey") || !a.Has(1, "realm_name") || !a.Has(2, "authid"))
            {
                throw Crash();
            }

            JsonElement? authExtra = a.TryGet(3, "authextra", out JsonElement extra) && extra.ValueKind != JsonValueKind.Null
                ? (extra.ValueKind == JsonValueKind.Object ? extra.Clone() : throw MasterErrors.RuntimeNoArgs("authextra must be a dict"))
                : null;
            JsonElement paired = (await PairAsync(c.AuthId, a.String(0, "pubkey"), a.String(1, "realm_name"), a.String(2, "authid"), authExtra, online: false).ConfigureAwait(false)).Paired;
            return One(paired);
        });
        ProcedureAsync(Global, MasterUris.Mrealm("unpair_node"), "MrealmManager.unpair_node", (_, a, _) =>
        {
            if (!a.Has(0, "node_oid"))
            {
                throw Crash();
            }

            string oid = a.Uuid(0, "node_oid");
            SimulatedNode node;
            lock (State.Gate)
            {
                node = State.Nodes.Values.FirstOrDefault(n => n.Oid == oid)
                    ?? throw (Master.UnpairedNodeOids.ContainsValue(oid)
                        ? MasterErrors.Error(MasterErrors.NodeNotPairedUri, $"cannot unpair node: node with id {oid} is currently not paired")
                        : MasterErrors.NoSuchObject($"no node with oid {oid}"));
            }

            return UnpairAsync(node);
        });
        ProcedureAsync(Global, MasterUris.Mrealm("unpair_node_by_pubkey"), "MrealmManager.unpair_node_by_pubkey", (_, a, _) =>
        {
            if (!a.Has(0, "pubkey"))
            {
                throw Crash();
            }

            string pubkey = a.String(0, "pubkey");
            SimulatedNode node;
            lock (State.Gate)
            {
                node = State.FindNodeByPublicKey(pubkey)
                    ?? throw (Master.UnpairedNodeOids.TryGetValue(pubkey.ToLowerInvariant(), out string? oid)
                        ? MasterErrors.Error(MasterErrors.NodeNotPairedUri, $"cannot unpair node: node with id {oid} is currently not paired")
                        : MasterErrors.NoSuchObject($"no node with pubkey {pubkey}"));
                ThrowIfBroken(node);
            }

            return UnpairAsync(node);
        });

        Procedure(Global, MasterUris.Mrealm("get_node_by_name"), "MrealmManager.get_node_by_name", (_, _) =>
            throw MasterErrors.Runtime("'GlobalSchema' object has no attribute 'idx_nodes_by_name'"));
        foreach (string name in NotImplemented)
        {
            Procedure(Global, MasterUris.Mrealm(name), "MrealmManager." + name, (_, _) => throw MasterErrors.RuntimeNoArgs($"{name} is not implemented on crossbar v22.6.1"));
        }
    }

    /// <summary>Pairs a node (also the fake's own <c>AddNode</c>, which passes <paramref name="online"/> true) and publishes <c>on_node_paired</c>.</summary>
    public async ValueTask<(SimulatedNode Node, JsonElement Paired)> PairAsync(string? caller, string pubkey, string realmName, string authId, JsonElement? authExtra, bool online)
    {
        SimulatedNode node;
        JsonElement paired;
        lock (State.Gate)
        {
            // The master looks the realm up by name and then reads its oid: for an unknown name that is None.
            FakeRealm realm = ActiveRealm(realmName) ?? throw MasterErrors.Runtime("key must be an UUID, but was \"None\"");
            string key = pubkey.ToLowerInvariant();
            if (State.Nodes.ContainsKey(key))
            {
                throw MasterErrors.Error(MasterErrors.NodeAlreadyPairedUri, "node with given pubkey is already paired to a realm");
            }

            string oid = Master.UnpairedNodeOids.Remove(key, out string? old) ? old : State.NewOid();
            node = new SimulatedNode(authId, oid, key, realm.Name, authExtra, State.Now) { IsOnline = online };
            SimulatedNodeDefaults.Populate(node, State.Now);
            State.Nodes.Add(key, node);
            _ = caller;
            paired = MasterJson.Node(node, realm, Master, live: false);
        }

        await PublishAsync(Global, MasterUris.Mrealm("on_node_paired"), One(paired)).ConfigureAwait(false);
        return (node, paired);
    }

    private async ValueTask<WampPayload> CreateAsync(FakeCallContext context, JsonElement spec, CancellationToken cancellationToken)
    {
        if (spec.ValueKind != JsonValueKind.Object)
        {
            throw MasterErrors.RuntimeNoArgs("create_mrealm takes a dict");
        }

        JsonElement? nameValue = spec.TryGetProperty("name", out JsonElement n) ? n : null;
        if (nameValue is not { ValueKind: JsonValueKind.String })
        {
            string type = nameValue?.ValueKind switch { null or JsonValueKind.Null => "NoneType", JsonValueKind.Number => "int", JsonValueKind.Object => "dict", JsonValueKind.Array => "list", _ => "bool" };
            throw MasterErrors.Error(FakeErrors.InvalidRealm, $"invalid realm name \"{(type == "NoneType" ? "None" : nameValue?.GetRawText())}\" - type must be string, was <class '{type}'>");
        }

        string name = nameValue.Value.GetString()!;
        if (!NamePattern().IsMatch(name))
        {
            throw MasterErrors.Error(FakeErrors.InvalidRealm, $"invalid realm name \"{name}\" - must match regular expression ^[A-Za-z][A-Za-z0-9_\\-@\\.]{{2,254}}$");
        }

        if (ProtectedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            throw MasterErrors.Error(FakeErrors.InvalidRealm, $"invalid realm name \"{name}\": names starting with \"{prefix}\" are protected");
        }

        FakeRealm realm;
        lock (State.Gate)
        {
            if (State.Realms.ContainsKey(name))
            {
                throw MasterErrors.Error(FakeErrors.AlreadyExists, $"management realm with name \"{name}\" already exists");
            }

            realm = new FakeRealm(name, State.NewOid(), State.Now, context.AuthId)
            {
                Label = FakeJson.GetString(spec, "label"),
                Description = FakeJson.GetString(spec, "description"),
                Tags = spec.TryGetProperty("tags", out JsonElement t) && t.ValueKind == JsonValueKind.Array
                    ? [.. t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
                    : null,
            };
            if (context.AuthId is { } owner)
            {
                realm.Grant(owner, FakeRoles.Owner);
            }

            State.Realms.Add(name, realm);
        }

        await Host.OpenRealmAsync(name, cancellationToken).ConfigureAwait(false);
        JsonElement created;
        lock (State.Gate)
        {
            realm.Status = FakeRealmStatus.Active;
            created = MasterJson.Mrealm(realm, Master);
        }

        await PublishAsync(Global, MasterUris.Mrealm("on_mrealm_created"), One(created)).ConfigureAwait(false);
        return One(created);
    }

    private async ValueTask<WampPayload> DeleteAsync(FakeCallContext context, FakeRealm realm, bool cascade, CancellationToken cancellationToken)
    {
        List<SimulatedNode> nodes;
        lock (State.Gate)
        {
            nodes = [.. State.NodesOf(realm.Name)];
            if (nodes.Count > 0 && !cascade)
            {
                throw MasterErrors.Error(FakeErrors.DependentObjects, $"cannot delete management - dependent object exists and cascade not set: paired node {nodes[0].Oid}");
            }

            nodes.ForEach(ThrowIfBroken);
        }

        foreach (SimulatedNode node in nodes)
        {
            await UnpairAsync(node).ConfigureAwait(false);
        }

        if (Master.StopRealmBug)
        {
            // Upstream v22.6.1: RouterFactory.stop_realm raises KeyError(realm) after the router already removed it.
            throw MasterErrors.Runtime(realm.Name);
        }

        lock (State.Gate)
        {
            realm.Status = FakeRealmStatus.Deleting;
        }

        await Host.CloseRealmAsync(realm.Name, cancellationToken).ConfigureAwait(false);
        JsonElement deleted;
        lock (State.Gate)
        {
            State.Realms.Remove(realm.Name);
            Master.RealmTicks.Remove(realm.Name);
            deleted = FakeJson.Object(w =>
            {
                w.WriteString("oid", realm.Oid);
                w.WriteString("name", realm.Name);
                w.WriteString("created", FakeJson.Iso(realm.Created));
                w.WriteString("deleted", FakeJson.Iso(State.Now));
                w.WriteString("owner", Master.UserOid(realm.Owner));
                w.WriteString("caller", context.AuthId);
                w.WriteStrings("unpaired", nodes.Select(n => n.Oid));
            });
        }

        await PublishAsync(Global, MasterUris.Mrealm("on_realm_deleted"), One(deleted)).ConfigureAwait(false);
        return One(deleted);
    }

    private async ValueTask<WampPayload> UnpairAsync(SimulatedNode node)
    {
        JsonElement unpaired;
        lock (State.Gate)
        {
            FakeRealm realm = State.FindRealm(node.RealmName)!;
            State.Nodes.Remove(node.PublicKey);
            node.IsOnline = false;
            Master.UnpairedNodeOids[node.PublicKey] = node.Oid;
            Master.Liveness.Remove(node.Oid);
            unpaired = MasterJson.Unpaired(node, realm, Master);
        }

        await PublishAsync(Global, MasterUris.Mrealm("on_node_unpaired"), One(unpaired)).ConfigureAwait(false);
        return One(unpaired);
    }

    /// <summary>A node paired with a public key that is not one: the master cannot read its record back (an assert fails).</summary>
    internal static void ThrowIfBroken(SimulatedNode node)
    {
        if (!FakeCfcState.IsPublicKey(node.PublicKey))
        {
            throw MasterErrors.RuntimeNoArgs($"node {node.Oid} was paired with the invalid public key '{node.PublicKey}'");
        }
    }

    private FakeRealm? ActiveRealm(string name) => State.FindRealm(name) is { Status: FakeRealmStatus.Active } r ? r : null;

    private FakeRealm? RealmByOid(string oid) => State.Realms.Values.FirstOrDefault(r => r.Oid == oid && r.Status == FakeRealmStatus.Active);

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_\-@\.]{2,254}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex NamePattern();
}

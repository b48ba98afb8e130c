using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Management Realms API of the global realm: realms (create, delete, list), roles (get, grant, revoke) and
/// node pairing, with their events. The rules:
/// <list type="bullet">
/// <item>Realm names are unique (<c>crossbar.error.already_exists</c>) and follow the master's pattern with no reserved prefix (<c>fabric.invalid-realm</c>).</item>
/// <item><c>create_realm</c> fires <c>on_realm_creating</c>, makes the realm joinable (<see cref="IFakeCfcHost.OpenRealmAsync"/>), fires <c>on_realm_created</c>, then returns. The creator becomes owner.</item>
/// <item><c>delete_realm</c> is for owners only; with paired nodes it needs <c>cascade</c> (else <c>crossbar.error.dependent_objects</c>), which unpairs them (each firing <c>on_node_unpaired</c>) between <c>on_realm_deleting</c> and <c>on_realm_deleted</c>.</item>
/// <item>Roles are the five of <see cref="FakeRoles"/>; owners and admins grant and revoke, only owners touch <c>owner</c>, the last owner stays.</item>
/// <item>A node is paired by its Ed25519 public key (64 hex) with at most one realm, by an owner or admin of that realm; its node id (its authid) is unique in the realm. Lists keep pairing order.</item>
/// <item>Reads (<c>get_realms</c>, <c>get_realm</c>, <c>get_roles</c>, <c>get_nodes</c>, <c>get_node</c>) show only realms the caller holds a role on.</item>
/// </list>
/// </summary>
internal sealed class FakeManagementRealmsApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeApiGroup(FakeApi.ManagementRealms, state, host, schemes)
{
    private const string Global = FakeCfcState.GlobalRealm;

    public override void Register()
    {
        Procedure(Global, "get_realms", (context, _) =>
            FakeJson.Result(State.Realms.Values.Where(r => r.RolesOf(context.AuthId).Count > 0).Select(r => r.Name)));
        Procedure(Global, "get_realm", (context, a) =>
            FakeJson.Result(RealmObject(State.AccessibleRealm(context, RealmNameArgument(a)))));
        ProcedureAsync(Global, "create_realm", (context, a, ct) =>
            CreateRealmAsync(RealmNameArgument(a), context.AuthId ?? throw FakeErrors.Denied("an anonymous caller cannot own a realm"), ct));
        ProcedureAsync(Global, "delete_realm", (context, a, ct) =>
            DeleteRealmAsync(context, a.String(0, "realm_name"), a.Bool(1, "cascade", false), ct));

        Procedure(Global, "get_roles", (context, a) =>
        {
            FakeRealm realm = State.AccessibleRealm(context, a.String(0, "realm_name"));
            return FakeJson.Result(w =>
            {
                foreach ((string user, List<string> roles) in realm.Roles)
                {
                    w.WriteStrings(user, roles);
                }
            });
        });
        ProcedureAsync(Global, "grant_role", (context, a, _) => ChangeRoleAsync(context, a, grant: true));
        ProcedureAsync(Global, "revoke_role", (context, a, _) => ChangeRoleAsync(context, a, grant: false));

        Procedure(Global, "get_nodes", (context, a) =>
        {
            string? only = a.OptionalString(0, "realm_name");
            return FakeJson.Result(AccessibleNodes(context).Where(n => only is null || n.RealmName == only).Select(n => n.NodeId));
        });
        Procedure(Global, "get_node", (context, a) =>
        {
            string nodeId = a.String(0, "node_id");
            SimulatedNode node = AccessibleNodes(context).FirstOrDefault(n => n.NodeId == nodeId || n.Oid == nodeId) ?? throw FakeErrors.NotFound($"node '{nodeId}'");
            return FakeJson.Result(NodeObject(node, State.FindRealm(node.RealmName)!));
        });
        ProcedureAsync(Global, "pair_node", async (context, a, ct) =>
        {
            (_, WampPayload paired) = await PairNodeAsync(context.AuthId, a.String(0, "pubkey"), a.String(1, "realm_name"), a.String(2, "node_id"), a.OptionalObject(3, "authextra")).ConfigureAwait(false);
            return paired;
        });
        ProcedureAsync(Global, "unpair_node", (context, a, _) => UnpairNodeAsync(context.AuthId, a.String(0, "pubkey")));
    }

    /// <summary>Creates a realm owned by <paramref name="owner"/>: creating event, router realm, created event.</summary>
    public async ValueTask<WampPayload> CreateRealmAsync(string name, string owner, CancellationToken cancellationToken)
    {
        FakeRealm realm;
        lock (State.Gate)
        {
            if (!FakeCfcState.IsValidRealmName(name))
            {
                throw FakeErrors.Error(FakeErrors.InvalidRealm, $"invalid management realm name '{name}'");
            }

            if (State.Realms.ContainsKey(name))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyExists, $"a management realm named '{name}' already exists");
            }

            realm = new FakeRealm(name, State.NewOid(), State.Now, owner);
            realm.Grant(owner, FakeRoles.Owner);
            State.Realms.Add(name, realm);
        }

        await PublishAsync(Global, "on_realm_creating", Event(name, FakeJson.Object(w =>
        {
            w.WriteString("oid", realm.Oid);
            w.WriteString("name", name);
            w.WriteMicros("created", realm.Created);
            w.WriteString("owner", owner);
            w.WriteString("status", "creating");
        }))).ConfigureAwait(false);

        try
        {
            await Host.OpenRealmAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            lock (State.Gate)
            {
                State.Realms.Remove(name);
            }

            throw;
        }

        JsonElement created;
        lock (State.Gate)
        {
            realm.Status = FakeRealmStatus.Active;
            created = RealmObject(realm);
        }

        await PublishAsync(Global, "on_realm_created", Event(name, created)).ConfigureAwait(false);
        return FakeJson.Result(created);
    }

    private async ValueTask<WampPayload> DeleteRealmAsync(FakeCallContext context, string name, bool cascade, CancellationToken cancellationToken)
    {
        FakeRealm realm;
        List<SimulatedNode> nodes;
        lock (State.Gate)
        {
            realm = State.FindRealm(name) ?? throw FakeErrors.NotFound($"management realm '{name}'");
            if (!realm.HasAnyRole(context.AuthId, FakeRoles.Owner))
            {
                throw FakeErrors.Denied($"only an owner of management realm '{name}' may delete it");
            }

            if (realm.Status != FakeRealmStatus.Active)
            {
                throw FakeErrors.NotFound($"active management realm '{name}' (it is {realm.Status.ToString().ToLowerInvariant()})");
            }

            nodes = [.. State.NodesOf(name)];
            if (nodes.Count > 0 && !cascade)
            {
                throw FakeErrors.Error(FakeErrors.DependentObjects, $"management realm '{name}' has {nodes.Count} paired node(s); delete with cascade to unpair them");
            }

            realm.Status = FakeRealmStatus.Deleting;
        }

        await PublishAsync(Global, "on_realm_deleting", Event(name, FakeJson.Object(w =>
        {
            w.WriteString("oid", realm.Oid);
            w.WriteString("name", name);
            w.WriteString("status", "deleting");
        }))).ConfigureAwait(false);

        foreach (SimulatedNode node in nodes)
        {
            await UnpairAsync(node, realm).ConfigureAwait(false);
        }

        await Host.CloseRealmAsync(name, cancellationToken).ConfigureAwait(false);
        JsonElement deleted;
        lock (State.Gate)
        {
            State.Realms.Remove(name);
            deleted = FakeJson.Object(w =>
            {
                w.WriteString("oid", realm.Oid);
                w.WriteString("name", name);
                w.WriteMicros("created", realm.Created);
                w.WriteMicros("deleted", State.Now);
                w.WriteString("owner", realm.Owner);
                w.WriteString("caller", context.AuthId);
                w.WriteStrings("unpaired", nodes.Select(n => n.NodeId));
            });
        }

        await PublishAsync(Global, "on_realm_deleted", Event(name, deleted)).ConfigureAwait(false);
        return FakeJson.Result(deleted);
    }

    private async ValueTask<WampPayload> ChangeRoleAsync(FakeCallContext context, FakeArgs a, bool grant)
    {
        string realmName = a.String(0, "realm_name");
        string userId = a.String(1, "user_id");
        string role = a.String(2, "role_name");
        JsonElement info;
        lock (State.Gate)
        {
            if (!FakeRoles.IsValid(role))
            {
                throw FakeErrors.Invalid($"unknown role '{role}' (one of {string.Join(", ", FakeRoles.All)})");
            }

            FakeRealm realm = State.FindRealm(realmName) ?? throw FakeErrors.NotFound($"management realm '{realmName}'");
            bool callerIsOwner = realm.HasAnyRole(context.AuthId, FakeRoles.Owner);
            if (!callerIsOwner && !(realm.HasAnyRole(context.AuthId, FakeRoles.Admin) && role != FakeRoles.Owner))
            {
                throw FakeErrors.Denied($"'{context.AuthId}' may not {(grant ? "grant" : "revoke")} role '{role}' on management realm '{realmName}'");
            }

            if (grant && !realm.Grant(userId, role))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyExists, $"'{userId}' already holds role '{role}' on management realm '{realmName}'");
            }

            if (!grant)
            {
                if (role == FakeRoles.Owner && realm.HasAnyRole(userId, FakeRoles.Owner) && realm.CountHolders(FakeRoles.Owner) == 1)
                {
                    throw FakeErrors.Invalid($"'{userId}' is the last owner of management realm '{realmName}'");
                }

                if (!realm.Revoke(userId, role))
                {
                    throw FakeErrors.NotFound($"role '{role}' of '{userId}' on management realm '{realmName}'");
                }
            }

            info = FakeJson.Object(w =>
            {
                w.WriteString("realm_name", realmName);
                w.WriteString("user_id", userId);
                w.WriteString("role", role);
                w.WriteTime(grant ? "granted" : "revoked", State.Now);
                w.WriteString(grant ? "granted_by" : "revoked_by", context.AuthId);
            });
        }

        await PublishAsync(Global, grant ? "on_role_granted" : "on_role_revoked", new WampPayloadBuilder().Add(realmName).Add(userId).Add(info).Build()).ConfigureAwait(false);
        return FakeJson.Result(info);
    }

    /// <summary>
    /// Pairs a node and gives it the default simulated setup. <paramref name="caller"/> must be an owner or admin of
    /// the realm; <see langword="null"/> is the fake itself (tests adding nodes), which may always pair.
    /// </summary>
    public async ValueTask<(SimulatedNode Node, WampPayload Paired)> PairNodeAsync(string? caller, string pubkey, string realmName, string nodeId, JsonElement? authExtra, bool checkCaller = true)
    {
        if (!FakeCfcState.IsPublicKey(pubkey))
        {
            throw FakeErrors.Invalid("pubkey must be an Ed25519 public key of 64 hex characters");
        }

        if (nodeId.Any(char.IsWhiteSpace))
        {
            throw FakeErrors.Invalid($"invalid node id '{nodeId}'");
        }

        pubkey = pubkey.ToLowerInvariant();
        SimulatedNode node;
        JsonElement paired;
        lock (State.Gate)
        {
            FakeRealm realm = State.FindRealm(realmName) ?? throw FakeErrors.NotFound($"management realm '{realmName}'");
            if (checkCaller && !realm.HasAnyRole(caller, FakeRoles.Owner, FakeRoles.Admin))
            {
                throw FakeErrors.Denied($"'{caller}' may not pair nodes with management realm '{realmName}' (owner or admin required)");
            }

            if (State.Nodes.TryGetValue(pubkey, out SimulatedNode? existing))
            {
                throw FakeErrors.Error(FakeErrors.AlreadyExists, $"the node with this public key is already paired (as '{existing.NodeId}')");
            }

            if (State.FindNode(realmName, nodeId) is not null)
            {
                throw FakeErrors.Error(FakeErrors.AlreadyExists, $"management realm '{realmName}' already has a node '{nodeId}'");
            }

            node = new SimulatedNode(nodeId, State.NewOid(), pubkey, realmName, authExtra, State.Now);
            SimulatedNodeDefaults.Populate(node, State.Now);
            State.Nodes.Add(pubkey, node);
            paired = NodeObject(node, realm);
        }

        await PublishAsync(Global, "on_node_paired", new WampPayloadBuilder().Add(realmName).Add(nodeId).Add(paired).Build()).ConfigureAwait(false);
        return (node, FakeJson.Result(paired));
    }

    /// <summary>Unpairs the node with <paramref name="pubkey"/>; the caller must be an owner or admin of its realm (<see langword="null"/>: the fake itself).</summary>
    public async ValueTask<WampPayload> UnpairNodeAsync(string? caller, string pubkey, bool checkCaller = true)
    {
        if (!FakeCfcState.IsPublicKey(pubkey))
        {
            throw FakeErrors.Invalid("pubkey must be an Ed25519 public key of 64 hex characters");
        }

        SimulatedNode node;
        FakeRealm realm;
        lock (State.Gate)
        {
            node = State.FindNodeByPublicKey(pubkey) ?? throw FakeErrors.NotFound("paired node with this public key");
            realm = State.FindRealm(node.RealmName)!;
            if (checkCaller && !realm.HasAnyRole(caller, FakeRoles.Owner, FakeRoles.Admin))
            {
                throw FakeErrors.Denied($"'{caller}' may not unpair nodes of management realm '{realm.Name}' (owner or admin required)");
            }
        }

        return FakeJson.Result(await UnpairAsync(node, realm).ConfigureAwait(false));
    }

    private async ValueTask<JsonElement> UnpairAsync(SimulatedNode node, FakeRealm realm)
    {
        JsonElement unpaired;
        lock (State.Gate)
        {
            State.Nodes.Remove(node.PublicKey);
            node.IsOnline = false;
            unpaired = FakeJson.Object(w =>
            {
                w.WriteString("oid", node.Oid);
                w.WriteString("node_id", node.NodeId);
                w.WriteString("authid", node.NodeId);
                w.WriteString("pubkey", node.PublicKey);
                w.WriteString("realm_name", realm.Name);
                w.WriteString("mrealm_oid", realm.Oid);
                w.WriteTime("unpaired", State.Now);
            });
        }

        await PublishAsync(Global, "on_node_unpaired", new WampPayloadBuilder().Add(realm.Name).Add(node.NodeId).Add(unpaired).Build()).ConfigureAwait(false);
        return unpaired;
    }

    private IEnumerable<SimulatedNode> AccessibleNodes(FakeCallContext context) =>
        State.Nodes.Values.Where(n => State.FindRealm(n.RealmName)?.RolesOf(context.AuthId).Count > 0);

    // The seed passes a name; the current master passes {name, label, description}: accept both.
    private static string RealmNameArgument(FakeArgs a) =>
        a.TryGet(0, "realm_name", out JsonElement v) && v.ValueKind == JsonValueKind.Object
            ? FakeJson.GetString(v, "name") ?? throw FakeErrors.Invalid("missing realm name")
            : a.String(0, "realm_name");

    private static WampPayload Event(string realmName, JsonElement info) => new WampPayloadBuilder().Add(realmName).Add(info).Build();

    /// <summary>The realm information object (<c>get_realm</c>, <c>create_realm</c>, <c>on_realm_created</c>).</summary>
    internal static JsonElement RealmObject(FakeRealm realm) => FakeJson.Object(w =>
    {
        w.WriteString("oid", realm.Oid);
        w.WriteString("name", realm.Name);
        w.WriteString("label", realm.Name);
        w.WriteNull("description");
        w.WriteStrings("tags", []);
        w.WriteMicros("created", realm.Created);
        w.WriteString("owner", realm.Owner);
        w.WriteString("status", realm.Status.ToString().ToLowerInvariant());
    });

    /// <summary>The node information object (<c>pair_node</c>, <c>get_node</c> on either realm, <c>on_node_paired</c>).</summary>
    internal static JsonElement NodeObject(SimulatedNode node, FakeRealm realm) => FakeJson.Object(w =>
    {
        w.WriteString("oid", node.Oid);
        w.WriteString("node_id", node.NodeId);
        w.WriteString("authid", node.NodeId);
        w.WriteString("pubkey", node.PublicKey);
        w.WriteString("realm_name", realm.Name);
        w.WriteString("mrealm_oid", realm.Oid);
        w.Write("authextra", node.AuthExtra);
        w.WriteTime("paired", node.Paired);
        w.WriteString("status", node.IsOnline ? "online" : "offline");
    });
}

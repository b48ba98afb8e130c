using System.CommandLine;
using System.Text.Json;
using System.Threading.Channels;
using Cfc.Cli.Hosting;
using Cfc.Cli.Output;
using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.Cli.Commands;

/// <summary>
/// <c>cfc watch &lt;event or topic&gt;</c>: streams events until Ctrl+C (or <c>--count</c>) as JSON lines, YAML
/// documents or one line each for people. Typed names (<c>node-paired</c>, <c>tick</c>, ...) go through the SDK's
/// event streams; anything with a dot is a raw topic on the connected realm.
/// </summary>
internal static class WatchCommand
{
    /// <summary>A typed event: where it lives and how to subscribe to it.</summary>
    private sealed record Typed(RealmScope Scope, string Description, Func<CfcClient, Action<JsonElement, string>, CancellationToken, Task<CfcEventSubscription>> Subscribe);

    private static readonly CfcJsonContext J = CfcJsonContext.Default;

    private static readonly Dictionary<string, Typed> Events = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tick"] = new(RealmScope.Global, "the CFC's heartbeat", (c, emit, ct) => c.System.OnTick.SubscribeAsync(e =>
            emit(Obj("tick", w => Fields(w, CliJson.Of(e, J.TickEvent))), $"tick {e.Tick}"), ct)),
        ["realm-created"] = new(RealmScope.Global, "a management realm was created", (c, emit, ct) => c.ManagementRealms.OnRealmCreated.SubscribeAsync(e =>
            emit(Obj("realm-created", w => { w.WriteString("realm_name", e.RealmName); Detail(w, CliJson.Of(e.Details, J.ManagementRealmInfo)); }), $"realm={e.RealmName}"), ct)),
        ["realm-creating"] = new(RealmScope.Global, "a management realm is being created", (c, emit, ct) => c.ManagementRealms.OnRealmCreating.SubscribeAsync(e =>
            emit(Obj("realm-creating", w => { w.WriteString("realm_name", e.RealmName); Detail(w, CliJson.Of(e.Details, J.RealmCreating)); }), $"realm={e.RealmName}"), ct)),
        ["realm-deleting"] = new(RealmScope.Global, "a management realm is being deleted", (c, emit, ct) => c.ManagementRealms.OnRealmDeleting.SubscribeAsync(e =>
            emit(Obj("realm-deleting", w => { w.WriteString("realm_name", e.RealmName); Detail(w, CliJson.Of(e.Details, J.RealmDeleting)); }), $"realm={e.RealmName}"), ct)),
        ["realm-deleted"] = new(RealmScope.Global, "a management realm was deleted", (c, emit, ct) => c.ManagementRealms.OnRealmDeleted.SubscribeAsync(e =>
            emit(Obj("realm-deleted", w => { w.WriteString("realm_name", e.RealmName); Detail(w, CliJson.Of(e.Details, J.RealmDeleted)); }), $"realm={e.RealmName}"), ct)),
        ["role-granted"] = new(RealmScope.Global, "a user got a role on a realm", (c, emit, ct) => c.ManagementRealms.OnRoleGranted.SubscribeAsync(e =>
            emit(Obj("role-granted", w => { w.WriteString("realm_name", e.RealmName); w.WriteString("user_id", e.UserId); Detail(w, CliJson.Of(e.Details, J.RoleGranted)); }), $"realm={e.RealmName} user={e.UserId}"), ct)),
        ["role-revoked"] = new(RealmScope.Global, "a user lost a role on a realm", (c, emit, ct) => c.ManagementRealms.OnRoleRevoked.SubscribeAsync(e =>
            emit(Obj("role-revoked", w => { w.WriteString("realm_name", e.RealmName); w.WriteString("user_id", e.UserId); Detail(w, CliJson.Of(e.Details, J.RoleRevoked)); }), $"realm={e.RealmName} user={e.UserId}"), ct)),
        ["node-paired"] = new(RealmScope.Global, "a node was paired", (c, emit, ct) => c.ManagementRealms.OnNodePaired.SubscribeAsync(e =>
            emit(Obj("node-paired", w => { w.WriteString("realm_name", e.RealmName); w.WriteString("node_id", e.NodeId); Detail(w, CliJson.Of<NodeInfo>(e.Details, J.NodeInfo)); }), $"realm={e.RealmName} node={e.NodeId}"), ct)),
        ["node-unpaired"] = new(RealmScope.Global, "a node was unpaired", (c, emit, ct) => c.ManagementRealms.OnNodeUnpaired.SubscribeAsync(e =>
            emit(Obj("node-unpaired", w => { w.WriteString("realm_name", e.RealmName); w.WriteString("node_id", e.NodeId); Detail(w, CliJson.Of(e.Details, J.NodeUnpaired)); }), $"realm={e.RealmName} node={e.NodeId}"), ct)),
        ["router-realm-starting"] = new(RealmScope.Management, "a router realm is starting on a node", (c, emit, ct) => c.RemoteRouter.OnRouterRealmStarting.SubscribeAsync(e =>
            emit(Obj("router-realm-starting", w => { Where(w, e.NodeId, e.WorkerId, e.RealmId); Detail(w, CliJson.Of(e.Details, J.RouterRealmStarting)); }), $"node={e.NodeId} worker={e.WorkerId} realm={e.RealmId}"), ct)),
        ["router-realm-started"] = new(RealmScope.Management, "a router realm started on a node", (c, emit, ct) => c.RemoteRouter.OnRouterRealmStarted.SubscribeAsync(e =>
            emit(Obj("router-realm-started", w => { Where(w, e.NodeId, e.WorkerId, e.RealmId); Detail(w, CliJson.Of(e.Details, J.RouterRealmStarted)); }), $"node={e.NodeId} worker={e.WorkerId} realm={e.RealmId}"), ct)),
        ["session-join"] = new(RealmScope.Management, "a session joined a node's router realm", (c, emit, ct) => c.RemoteRouterMeta.OnSessionJoin.SubscribeAsync(e =>
            emit(Obj("session-join", w => { Where(w, e.NodeId, e.WorkerId, e.RealmId); Detail(w, CliJson.Of(e.Details, J.MetaSessionDetails)); }), $"node={e.NodeId} worker={e.WorkerId} realm={e.RealmId}"), ct)),
        ["session-leave"] = new(RealmScope.Management, "a session left a node's router realm", (c, emit, ct) => c.RemoteRouterMeta.OnSessionLeave.SubscribeAsync(e =>
            emit(Obj("session-leave", w => { Where(w, e.NodeId, e.WorkerId, e.RealmId); w.WriteNumber("session", e.SessionId); }), $"node={e.NodeId} worker={e.WorkerId} realm={e.RealmId} session={e.SessionId}"), ct)),
    };

    /// <summary>The typed event names, for help and completion.</summary>
    public static IReadOnlyCollection<string> Names => Events.Keys;

    public static Command Build()
    {
        Argument<string> what = new("event")
        {
            Description = $"A typed event ({string.Join(", ", Events.Keys)}) or any topic URI (with a dot)",
        };
        var count = new Option<int?>("--count") { Description = "Stop after this many events" };
        var prefix = new Option<bool>("--prefix") { Description = "Match the topic as a prefix (raw topics only)" };

        return Verb.Stream("watch", "Stream events as JSON lines (--output json), YAML documents, or one line each, until Ctrl+C",
            [what, count, prefix],
            parse => Events.TryGetValue(parse.GetValue(what) ?? string.Empty, out Typed? typed) ? typed.Scope : RealmScope.Configured,
            c => WatchAsync(c, c.Get(what), c.Get(count), c.Get(prefix)));
    }

    private static async Task WatchAsync(CliContext c, string name, int? count, bool prefix)
    {
        var channel = Channel.CreateUnbounded<(JsonElement Value, string Line)>(new UnboundedChannelOptions { SingleReader = true });
        void Emit(JsonElement value, string line) => channel.Writer.TryWrite((value, line));

        CfcEventSubscription? typedSubscription = null;
        WampSubscription? raw = null;
        if (Events.TryGetValue(name, out Typed? typed))
        {
            typedSubscription = await typed.Subscribe(c.Client, (value, line) => Emit(value, $"{CliOutput.Clock(DateTimeOffset.Now)} {name} {line}"), c.Cancel).ConfigureAwait(false);
        }
        else if (name.Contains('.', StringComparison.Ordinal))
        {
            raw = await c.Client.Wamp.SubscribeAsync(name, (e, _) =>
            {
                JsonElement value = CliJson.Build(w =>
                {
                    w.WriteString("topic", e.Topic);
                    w.WriteNumber("publication", e.PublicationId);
                    w.WritePropertyName("args");
                    (e.Payload.Arguments ?? CliJson.Parse("[]", "args")).WriteTo(w);
                    w.WritePropertyName("kwargs");
                    (e.Payload.ArgumentsKeywords ?? CliJson.Parse("{}", "kwargs")).WriteTo(w);
                });
                Emit(value, $"{CliOutput.Clock(DateTimeOffset.Now)} {e.Topic} {CliOutput.ToJson(RawCommands.Unwrap(e.Payload), indented: false)}");
                return ValueTask.CompletedTask;
            }, prefix ? new WampSubscribeOptions { Match = WampMatch.Prefix } : null, c.Cancel).ConfigureAwait(false);
        }
        else
        {
            throw new CliUsageException($"'{name}' is neither a typed event ({string.Join(", ", Events.Keys)}) nor a topic URI.");
        }

        try
        {
            // On stderr, once the router subscription is in place: stdout carries nothing but events.
            await Console.Error.WriteLineAsync($"watching {name}; Ctrl+C stops").ConfigureAwait(false);

            int seen = 0;
            while (count is null || seen < count)
            {
                (JsonElement value, string line) = await channel.Reader.ReadAsync(c.Cancel).ConfigureAwait(false);
                c.Output.WriteStreamItem(value, line);
                seen++;
            }
        }
        finally
        {
            if (typedSubscription is not null)
            {
                await typedSubscription.DisposeAsync().ConfigureAwait(false);
            }

            if (raw is not null)
            {
                await raw.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static JsonElement Obj(string name, Action<Utf8JsonWriter> write) => CliJson.Build(w =>
    {
        w.WriteString("event", name);
        write(w);
    });

    private static void Fields(Utf8JsonWriter w, JsonElement obj)
    {
        foreach (JsonProperty p in obj.EnumerateObject())
        {
            p.WriteTo(w);
        }
    }

    private static void Where(Utf8JsonWriter w, string node, string worker, string realm)
    {
        w.WriteString("node_id", node);
        w.WriteString("worker_id", worker);
        w.WriteString("realm_id", realm);
    }

    private static void Detail(Utf8JsonWriter w, JsonElement details)
    {
        w.WritePropertyName("details");
        details.WriteTo(w);
    }
}

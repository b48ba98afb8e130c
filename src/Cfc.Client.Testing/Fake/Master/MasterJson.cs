using System.Globalization;
using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// The master's objects with the JSON types the recordings show: mrealm <c>created</c> is an int of microseconds,
/// a deletion's times are ISO strings, node heartbeat times are ints of nanoseconds, <c>uptime</c> is a humanized string,
/// and Python floats always carry a fraction (<c>0.0</c>).
/// </summary>
internal static class MasterJson
{
    /// <summary>The mrealm object (<c>create_mrealm</c>, <c>get_mrealm*</c>, <c>on_mrealm_created</c>).</summary>
    public static JsonElement Mrealm(FakeRealm realm, FakeMasterState master) => FakeJson.Object(w =>
    {
        w.WriteString("oid", realm.Oid);
        w.WriteString("label", realm.Label);
        w.WriteString("description", realm.Description);
        if (realm.Tags is { } tags)
        {
            w.WriteStrings("tags", tags);
        }
        else
        {
            w.WriteNull("tags");
        }

        w.WriteString("name", realm.Name);
        w.WriteMicros("created", realm.Created);
        w.WriteString("owner", master.UserOid(realm.Owner));
        // Always null on v22.6.1: the marshaller reads other attribute names than the ones it stores.
        w.WriteNull("cf_router_worker");
        w.WriteNull("cf_container_worker");
    });

    /// <summary>The node object (<c>pair_node</c>, <c>on_node_paired</c>); with <paramref name="live"/> also <c>heartbeat</c>, <c>timestamp</c>, <c>status</c> (<c>get_node*</c>).</summary>
    public static JsonElement Node(SimulatedNode node, FakeRealm realm, FakeMasterState master, bool live) => FakeJson.Object(w =>
    {
        WriteNodeRecord(w, node, master.UserOid(realm.Owner), realm.Oid);
        w.WriteString("authid", node.NodeId);
        w.Write("authextra", node.AuthExtra);
        if (live)
        {
            MasterNodeLiveness liveness = master.LivenessOf(node);
            WriteNullable(w, "heartbeat", liveness.Heartbeat);
            WriteNullable(w, "timestamp", node.IsOnline ? liveness.TimestampNs ?? 0 : liveness.TimestampNs);
            w.WriteString("status", node.IsOnline ? "online" : "offline");
        }
    });

    /// <summary>The result of unpairing (and <c>on_node_unpaired</c>): the record with its former realm, no authid, and the sessions killed.</summary>
    public static JsonElement Unpaired(SimulatedNode node, FakeRealm realm, FakeMasterState master) => FakeJson.Object(w =>
    {
        WriteNodeRecord(w, node, master.UserOid(realm.Owner), realm.Oid);
        w.WriteNull("authid");
        w.WriteNull("authextra");
        w.WriteStartArray("killed");
        w.WriteEndArray();
    });

    private static void WriteNodeRecord(Utf8JsonWriter w, SimulatedNode node, string ownerOid, string realmOid)
    {
        w.WriteString("oid", node.Oid);
        w.WriteNull("label");
        w.WriteNull("description");
        w.WriteNull("tags");
        w.WriteString("owner_oid", ownerOid);
        w.WriteString("pubkey", node.PublicKey);
        w.WriteNull("cluster_ip");
        w.WriteString("mrealm_oid", realmOid);
    }

    /// <summary><c>domain.get_status</c> / <c>mrealm.get_status</c>.</summary>
    public static WampPayload Status(string type, string realm, DateTimeOffset now, DateTimeOffset started, long tick) => FakeJson.Result(w =>
    {
        w.WriteString("type", type);
        w.WriteString("realm", realm);
        w.WriteString("now", FakeJson.Iso(now));
        w.WriteString("started", FakeJson.Iso(started));
        w.WriteString("uptime", Humanize(now - started));
        w.WriteNumber("tick", tick);
    });

    /// <summary><c>on_tick</c> of the domain and of a management realm.</summary>
    public static WampPayload Tick(DateTimeOffset now, long tick) => FakeJson.Result(w =>
    {
        w.WriteString("now", FakeJson.Iso(now));
        w.WriteNumber("tick", tick);
    });

    /// <summary>What Python's <c>humanize.naturaldelta</c> writes, which the master uses for <c>uptime</c>.</summary>
    public static string Humanize(TimeSpan span)
    {
        long s = Math.Max(0, (long)span.TotalSeconds);
        return s switch
        {
            0 => "a moment",
            1 => "a second",
            < 60 => Plural(s, "second"),
            < 120 => "a minute",
            < 3600 => Plural(s / 60, "minute"),
            < 7200 => "an hour",
            < 86400 => Plural(s / 3600, "hour"),
            < 172800 => "a day",
            _ => Plural(s / 86400, "day"),
        };

        static string Plural(long n, string unit) => string.Create(CultureInfo.InvariantCulture, $"{n} {unit}s");
    }

    /// <summary>A Python float: always with a fraction, so that a JSON reader sees a float even for whole values.</summary>
    public static void WriteFloat(this Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteFloatValue(value);
    }

    public static void WriteFloatValue(this Utf8JsonWriter w, double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        w.WriteRawValue(text.AsSpan().IndexOfAny(".eE") >= 0 ? text : text + ".0", skipInputValidation: true);
    }

    public static void WriteNullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static WampPayload Result(Action<Utf8JsonWriter> write) => FakeJson.Result(write);

    public static JsonElement Parse(string json) => WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json));
}

using System.Reflection;
using Cfc.Client.Tests.Fakes;
using Cfc.Wamp;
using static Cfc.Client.Tests.Api.ApiTestHelpers;

namespace Cfc.Client.Tests.Api;

/// <summary>Every event's payload decodes into its record, carrying every positional argument.</summary>
public sealed class EventDecodingTests
{
    public static IEnumerable<object[]> AllEvents => SeedCatalog.EventRows(CfcUriScheme.Fabric);

    [Theory]
    [MemberData(nameof(AllEvents))]
    public async Task Every_event_decodes_every_positional_argument(string key, CfcUriScheme scheme)
    {
        SeedEvent seed = SeedCatalog.Event(key);
        string[] names = seed.Signature[(seed.Signature.IndexOf('(') + 1)..seed.Signature.IndexOf(')')].Split(", ");
        var args = new List<string>();
        foreach (string name in names)
        {
            args.Add(name switch
            {
                "ticked" => "{\"now\":\"2017-08-23T13:01:25.416Z\",\"tick\":89014,\"later_field\":true}",
                "session_id" => "77",
                _ when name.EndsWith("_id", StringComparison.Ordinal) || name == "realm_name" => $"\"{name}-1\"",
                _ => "{\"later_field\":true}",
            });
        }

        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer, scheme);
        object observable = InterfaceType(seed.Interface).GetProperty(seed.Property)!.GetValue(Group(client, seed.Interface))!;
        Type element = observable.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IObservable<>)).GetGenericArguments()[0];
        object recorder = Activator.CreateInstance(typeof(Recorder<>).MakeGenericType(element))!;
        using var subscription = (IDisposable)typeof(IObservable<>).MakeGenericType(element).GetMethod("Subscribe")!.Invoke(observable, [recorder])!;
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await peer.PublishEventAsync(seed.FabricUri, Payload.Args([.. args]));

        var values = (System.Collections.IList)recorder.GetType().GetProperty("Values")!.GetValue(recorder)!;
        object value = Assert.Single(values.Cast<object>());
        if (names is ["ticked"])
        {
            var tick = Assert.IsType<TickEvent>(value);
            Assert.Equal(89014, tick.Tick);
            Assert.Equal(new DateTimeOffset(2017, 8, 23, 13, 1, 25, 416, TimeSpan.Zero), tick.Now);
            Assert.True(tick.ExtensionData.ContainsKey("later_field"));
            return;
        }

        foreach (string name in names)
        {
            if (name == "session_id")
            {
                Assert.Equal(77L, element.GetProperty("SessionId")!.GetValue(value));
            }
            else if (name.EndsWith("_id", StringComparison.Ordinal) || name == "realm_name")
            {
                Assert.Equal($"{name}-1", element.GetProperty(Pascal(name))!.GetValue(value));
            }
            else
            {
                var details = Assert.IsAssignableFrom<CfcObject>(element.GetProperty("Details")!.GetValue(value));
                Assert.True(details.ExtensionData.ContainsKey("later_field"), $"{seed}: unknown fields must be kept");
            }
        }
    }

    [Fact]
    public async Task Node_paired_event_types_the_real_server_node_object()
    {
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<NodePairedEvent>();
        using IDisposable _ = client.ManagementRealms.OnNodePaired.Subscribe(recorder);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await peer.PublishEventAsync("crossbarfabriccenter.mrealm.on_node_paired", Payload.Args(
            "\"realm1\"", "\"node1\"",
            "{\"oid\":\"9f1c\",\"pubkey\":\"" + new string('a', 64) + "\",\"authid\":\"node1\",\"authextra\":{\"x\":1},\"mrealm_oid\":\"m1\",\"owner_oid\":\"u1\",\"tags\":[\"t\"]}"));

        NodePairedEvent e = Assert.Single(recorder.Values);
        Assert.Equal("realm1", e.RealmName);
        Assert.Equal("node1", e.NodeId);
        Assert.Equal("9f1c", e.Details.Oid);
        Assert.Equal("node1", e.Details.AuthId);
        Assert.Equal("m1", e.Details.MrealmOid);
        Assert.Equal("u1", e.Details.OwnerOid);
        Assert.Equal(1, e.Details.AuthExtra!.Value.GetProperty("x").GetInt32());
        Assert.Equal(["t"], e.Details.Tags!);
    }

    [Fact]
    public async Task Realm_creating_event_without_its_info_object_still_decodes()
    {
        // The create_realm section of the seed shows on_realm_creating(realm_name) without the info dict.
        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer);
        var recorder = new Recorder<RealmCreatingEvent>();
        using IDisposable _ = client.ManagementRealms.OnRealmCreating.Subscribe(recorder);
        await WaitUntil(() => peer.ActiveSubscriptions.Count == 1, "subscription");

        await peer.PublishEventAsync("crossbarfabriccenter.mrealm.on_realm_creating", Payload.Args("\"realm1\""));

        RealmCreatingEvent e = Assert.Single(recorder.Values);
        Assert.Equal("realm1", e.RealmName);
        Assert.NotNull(e.Details);
    }
}

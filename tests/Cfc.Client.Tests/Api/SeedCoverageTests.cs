using System.Reflection;
using Cfc.Client.Tests.Fakes;
using Cfc.Client.Uris;
using Cfc.Wamp;
using static Cfc.Client.Tests.Api.ApiTestHelpers;

namespace Cfc.Client.Tests.Api;

/// <summary>
/// Every procedure and event of the two seeds has its typed member, and each member puts the right URI and
/// arguments on the wire under both schemes. The expected lists are SeedCatalog, written from the seed documents.
/// </summary>
public sealed class SeedCoverageTests
{
    public static IEnumerable<object[]> FabricProcedures => SeedCatalog.ProcedureRows(CfcUriScheme.Fabric);

    public static IEnumerable<object[]> LegacyProcedures => SeedCatalog.ProcedureRows(CfcUriScheme.Legacy);

    public static IEnumerable<object[]> FabricEvents => SeedCatalog.EventRows(CfcUriScheme.Fabric);

    public static IEnumerable<object[]> LegacyEvents => SeedCatalog.EventRows(CfcUriScheme.Legacy);

    [Fact]
    public void Catalog_has_the_full_seed_lists()
    {
        // Global API: 1 system + 4 realms + 3 roles + 4 nodes; mrealm: 3; remote: 6 + 10 + 20 + 4 + 4 + 5 + 9; meta: 10.
        Assert.Equal(12 + 3 + 58 + 10, SeedCatalog.Procedures.Length);
        Assert.Equal(9 + 2 + 2, SeedCatalog.Events.Length);
        Assert.Equal(SeedCatalog.Procedures.Length, SeedCatalog.Procedures.Select(p => p.ToString()).Distinct().Count());
    }

    [Fact]
    public void Every_interface_member_is_in_the_catalog()
    {
        // The reverse direction: nothing public on the API groups escapes the wire tests.
        foreach (string name in SeedCatalog.Procedures.Select(p => p.Interface).Distinct())
        {
            Type type = InterfaceType(name);
            foreach (MethodInfo m in type.GetMethods().Where(m => !m.IsSpecialName && m.Name != "CallMetaAsync"))
            {
                Assert.Contains(SeedCatalog.Procedures, p => p.Interface == name && p.Method == m.Name);
            }

            foreach (PropertyInfo prop in type.GetProperties())
            {
                Assert.Contains(SeedCatalog.Events, e => e.Interface == name && e.Property == prop.Name);
            }
        }
    }

    [Fact]
    public void Each_scheme_table_has_a_distinct_uri_per_procedure_within_a_realm()
    {
        foreach (ICfcUriTable table in new ICfcUriTable[] { FabricUris.Instance, LegacyUris.Instance })
        {
            string[] all = typeof(ICfcUriTable).GetProperties().Where(p => p.PropertyType == typeof(string)).Select(p => (string)p.GetValue(table)!).ToArray();
            // Only the Crossbar.io master's own API (client.Domain, client.Fleet) has no URI under the document schemes.
            int masterOnly = Cfc.Client.Master.MasterMap.All.Count(m => m.Interface is "IMasterDomain" or "IMasterFleet");
            Assert.Equal(masterOnly, all.Count(u => u.Length == 0));
            string[] uris = [.. all.Where(u => u.Length > 0)];
            Assert.All(uris, u => Assert.False(string.IsNullOrWhiteSpace(u)));
            Assert.All(uris, u => Assert.StartsWith(table.Scheme == CfcUriScheme.Fabric ? "crossbarfabriccenter." : "cfc.", u));
        }
    }

    [Theory]
    [MemberData(nameof(FabricProcedures))]
    [MemberData(nameof(LegacyProcedures))]
    public async Task Procedure_has_its_member_and_wire_form(string key, CfcUriScheme scheme)
    {
        SeedProcedure seed = SeedCatalog.Procedure(key);
        Type type = InterfaceType(seed.Interface);
        MethodInfo? method = type.GetMethod(seed.Method);
        Assert.True(method is not null, $"{seed.Interface} lacks {seed.Method} for {seed.Signature}");

        ParameterInfo[] parameters = method.GetParameters();
        Assert.Equal(typeof(CancellationToken), parameters[^1].ParameterType);
        Assert.Equal("cancellationToken", parameters[^1].Name);

        var args = new object?[parameters.Length];
        var expected = new List<string>();
        for (int i = 0; i < parameters.Length - 1; i++)
        {
            if (i < seed.Parameters.Count)
            {
                Assert.Equal(Camel(seed.Parameters[i]), parameters[i].Name);
                (object? value, string json) = Sample(parameters[i], seed.Parameters[i]);
                args[i] = value;
                expected.Add(json);
            }
            else
            {
                // Extras beyond the seed are optional keyword arguments: left out here, so nothing extra goes on the wire.
                Assert.True(parameters[i].HasDefaultValue, $"{seed}: extra parameter {parameters[i].Name} must be optional");
                args[i] = parameters[i].DefaultValue;
            }
        }

        args[^1] = CancellationToken.None;
        var peer = new ScriptedWampClient { Responder = (_, _) => ResultFor(method) };
        await using CfcClient client = CfcClient.Create(peer, scheme);

        var task = (Task)method.Invoke(Group(client, seed.Interface), args)!;
        await task.WaitAsync(TimeSpan.FromSeconds(10));

        RecordedCall call = Assert.Single(peer.Calls);
        Assert.Equal(scheme == CfcUriScheme.Fabric ? seed.FabricUri : seed.LegacyUri, call.Procedure);
        string expectedArgs = "[" + string.Join(",", expected) + "]";
        if (expected.Count == 0)
        {
            Assert.True(call.Payload.IsEmpty, $"{seed}: expected no arguments, got {call.Payload}");
        }
        else
        {
            Assert.True(JsonEquals(expectedArgs, call.Payload.Arguments), $"{seed}: expected {expectedArgs}, got {call.Payload}");
        }

        Assert.Null(call.Payload.ArgumentsKeywords);
    }

    [Theory]
    [MemberData(nameof(FabricEvents))]
    [MemberData(nameof(LegacyEvents))]
    public async Task Event_has_its_property_and_topic(string key, CfcUriScheme scheme)
    {
        SeedEvent seed = SeedCatalog.Event(key);
        PropertyInfo? property = InterfaceType(seed.Interface).GetProperty(seed.Property);
        Assert.True(property is not null, $"{seed.Interface} lacks {seed.Property} for {seed.Signature}");
        Assert.Equal(typeof(CfcEventStream<>), property.PropertyType.GetGenericTypeDefinition());
        Assert.True(typeof(IObservable<>).MakeGenericType(property.PropertyType.GetGenericArguments()).IsAssignableFrom(property.PropertyType), $"{seed.Property} is an IObservable");

        var peer = new ScriptedWampClient();
        await using CfcClient client = CfcClient.Create(peer, scheme);
        object observable = property.GetValue(Group(client, seed.Interface))!;
        using IDisposable subscription = SubscribeAny(observable);

        string topic = scheme == CfcUriScheme.Fabric ? seed.FabricUri : seed.LegacyUri;
        await WaitUntil(() => peer.ActiveSubscriptions.Any(s => s.Topic == topic), "subscribe to " + topic);
        Assert.Equal([topic], peer.SubscribeRequests);
    }

    internal static IDisposable SubscribeAny(object observable)
    {
        Type element = observable.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IObservable<>)).GetGenericArguments()[0];
        MethodInfo subscribe = typeof(SeedCoverageTests).GetMethod(nameof(SubscribeTyped), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        return (IDisposable)subscribe.Invoke(null, [observable])!;
    }

    private static IDisposable SubscribeTyped<T>(IObservable<T> observable) => observable.Subscribe(new Recorder<T>());
}

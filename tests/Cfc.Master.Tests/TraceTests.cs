using System.Text.Json;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Master.Tests;

/// <summary>
/// Management realm traces (client.Fleet) on a real Crossbar.io master, as far as crossbar v22.6.1 allows: its type check
/// refuses every <c>mrealm.create_trace</c>, so no trace can exist there; what is checked is that the client says so, and
/// how every other trace procedure answers for a trace that does not exist. The lifecycle itself runs against FakeCfc
/// (tests/Cfc.Client.Tests/Master/MasterTracesOnFakeTests).
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class TraceTests(CrossbarMasterKit kit)
{
    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task Creating_a_trace_fails_on_v22_6_1_and_the_exception_names_the_server_bug_and_the_way_around_it(string serializer)
    {
        await using CfcClient lab = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string trace = $"trace-{serializer}";

        CfcException e = await Assert.ThrowsAnyAsync<CfcException>(() => lab.Fleet.CreateTraceAsync(
            trace, [new TracedWorker(kit.EdgeAuthId, $"rw-{serializer}")], new Dictionary<string, object?> { ["trace_level"] = "message" }));

        Assert.Equal(WampErrorUris.RuntimeError, e.ErrorUri);
        Assert.Contains("Subscripted generics", e.Message, StringComparison.Ordinal);
        Assert.Contains("known bug of crossbar v22.6.1", e.Message, StringComparison.Ordinal);
        Assert.Contains("RemoteTracing.StartRouterTraceAsync", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(trace, await lab.Fleet.GetTracesAsync());
    }

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_trace_of_an_unknown_node_is_refused_before_the_master_is_asked_to_create_it(string serializer)
    {
        await using CfcClient lab = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);

        CfcNotFoundException e = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.CreateTraceAsync(
            $"trace-{serializer}", [new TracedWorker("no-such-node", "rw1")]));

        Assert.Contains("no-such-node", e.Message, StringComparison.Ordinal);
        Assert.Contains("get_node_by_authid", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task Every_trace_procedure_answers_a_trace_that_does_not_exist(string serializer)
    {
        await using CfcClient lab = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string trace = $"no-trace-{serializer}";

        Assert.DoesNotContain(trace, await lab.Fleet.GetTracesAsync());
        Assert.Equal(JsonValueKind.Null, (await lab.Fleet.GetTraceAsync(trace)).ValueKind);
        CfcNotFoundException start = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.StartTraceAsync(trace));
        CfcNotFoundException stop = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.StopTraceAsync(trace));
        CfcNotFoundException delete = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.DeleteTraceAsync(trace));
        CfcNotFoundException data = await Assert.ThrowsAsync<CfcNotFoundException>(() => lab.Fleet.GetTraceDataAsync(trace, limit: 5));

        Assert.All([start, stop, delete], e => Assert.Equal(WampErrorUris.RuntimeError, e.ErrorUri));
        Assert.All([start, stop, delete], e => Assert.Contains("no trace with this id", e.Message, StringComparison.Ordinal));
        Assert.Equal("crossbar.error.no_such_object", data.ErrorUri);
    }
}

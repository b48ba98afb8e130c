using Cfc.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Client.Tests.Fake.Master;

/// <summary>The master contract's heartbeat: ticks, and node online/offline detected once per tick.</summary>
public sealed class FakeMasterHeartbeatTests
{
    [Fact]
    public async Task A_node_that_comes_online_is_announced_at_the_next_tick_and_one_that_goes_away_too()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
        var host = new RecordingHost();
        using var backend = new FakeCfcBackend(new FakeCfcState(time), host, TimeSpan.FromSeconds(5), [CfcUriScheme.CrossbarMaster]);
        backend.Start();
        SimulatedNode node = backend.AddNode(FakeMasterState.DefaultRealm, "edge1", FakeCfcFixture.Key(7));
        node.IsOnline = false;
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Contains(host.Events, e => e.Topic == "crossbarfabriccenter.domain.on_tick");
        Assert.Contains(host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_tick" && e.Realm == "default");
        Assert.DoesNotContain(host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_node_ready");

        node.IsOnline = true;
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_node_ready" && e.Payload[0].GetString() == node.Oid);

        node.IsOnline = false;
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(host.Events, e => e.Topic == "crossbarfabriccenter.mrealm.on_node_shutdown" && e.Payload[0].GetString() == node.Oid);
    }
}

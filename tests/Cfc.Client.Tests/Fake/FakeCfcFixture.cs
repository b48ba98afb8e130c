using System.Text.Json;
using Cfc.Client.Testing;
using Cfc.Wamp;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Client.Tests.Fake;

/// <summary>A backend on a recording host with fake time, users alice (owner of "realm-a"), bob, carol, and helpers to call as them.</summary>
internal sealed class FakeCfcFixture : IDisposable
{
    public const string Alice = "alice@example.com";
    public const string Bob = "bob@example.com";
    public const string Carol = "carol@example.com";
    public const string RealmA = "realm-a";
    public const string Global = FakeCfcState.GlobalRealm;

    public FakeCfcFixture(TimeSpan? tickPeriod = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));
        State = new FakeCfcState(Time);
        State.AddUser(new FakeCfcUser(Alice, Key(1)) { RealmRoles = new Dictionary<string, IReadOnlyList<string>> { [RealmA] = ["owner"] } });
        State.AddUser(new FakeCfcUser(Bob, Key(2)));
        State.AddUser(new FakeCfcUser(Carol, Key(3)));
        Backend = new FakeCfcBackend(State, Host, tickPeriod);
        Backend.Start();
    }

    public FakeTimeProvider Time { get; }

    public FakeCfcState State { get; }

    public RecordingHost Host { get; } = new();

    public FakeCfcBackend Backend { get; }

    public static string Key(int n) => n.ToString("x2").PadLeft(64, 'a');

    public Task<WampPayload> GlobalCallAsync(string? authId, string procedure, params object?[] args) =>
        Host.CallAsync(new FakeCallContext(Global, authId, "user", 1), "crossbarfabriccenter.mrealm." + procedure, RecordingHost.Args(args));

    public Task<WampPayload> CallAsync(string realm, string uri, params object?[] args) =>
        Host.CallAsync(new FakeCallContext(realm, Alice, "owner", 2), uri, RecordingHost.Args(args));

    public Task<WampPayload> RemoteAsync(string group, string procedure, params object?[] args) =>
        CallAsync(RealmA, $"crossbarfabriccenter.remote.{group}.{procedure}", args);

    /// <summary>Pairs node "node1" with realm-a as the fake itself.</summary>
    public async Task<SimulatedNode> AddNodeAsync(string nodeId = "node1", int key = 10)
    {
        (SimulatedNode node, _) = await Backend.ManagementRealms.PairNodeAsync(null, Key(key), RealmA, nodeId, null, checkCaller: false);
        return node;
    }

    public static async Task<WampException> ErrorAsync(Func<Task> call, string uri)
    {
        WampException e = await Assert.ThrowsAsync<WampException>(call);
        Assert.Equal(uri, e.ErrorUri);
        return e;
    }

    public static List<string> Strings(WampPayload p) => [.. p[0].EnumerateArray().Select(e => e.GetString()!)];

    public static JsonElement Obj(WampPayload p) => p[0];

    public void Dispose() => Backend.Dispose();
}

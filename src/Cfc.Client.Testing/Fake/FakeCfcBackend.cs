namespace Cfc.Client.Testing;

/// <summary>
/// The fake CFC's behaviour, independent of how it is carried: the state plus every API group, registered with an
/// <see cref="IFakeCfcHost"/>. The wiring creates one, calls <see cref="Start"/> once the host is ready (which
/// registers all procedures and starts the tick), and disposes it when the fake stops.
/// </summary>
internal sealed class FakeCfcBackend : IDisposable
{
    public FakeCfcBackend(FakeCfcState state, IFakeCfcHost host, TimeSpan? tickPeriod = null, IReadOnlyList<CfcUriScheme>? schemes = null)
    {
        State = state;
        System = new FakeSystemApi(state, host, tickPeriod ?? FakeSystemApi.DefaultTickPeriod, schemes);
        ManagementRealms = new FakeManagementRealmsApi(state, host, schemes);
        Groups =
        [
            System,
            ManagementRealms,
            new FakeManagementRealmApi(state, host, schemes),
            new FakeRemoteNodeApi(state, host, schemes),
            new FakeRemoteWorkerApi(state, host, schemes),
            new FakeRemoteRouterApi(state, host, schemes),
            new FakeRemoteContainerApi(state, host, schemes),
            new FakeRemoteProxyApi(state, host, schemes),
            new FakeRemoteTracingApi(state, host, schemes),
            new FakeRemoteDockerApi(state, host, schemes),
            new FakeRemoteRouterMetaApi(state, host, schemes),
        ];
        Authenticator = new FakeCfcAuthenticatorPolicy(state);
    }

    public FakeCfcState State { get; }

    public FakeSystemApi System { get; }

    /// <summary>Realm creation and node pairing, also used by the fake's test-facing API (<c>AddNode</c>, <c>AddRealm</c>).</summary>
    public FakeManagementRealmsApi ManagementRealms { get; }

    public IReadOnlyList<FakeApiGroup> Groups { get; }

    /// <summary>What the router's cryptosign authenticator asks.</summary>
    public FakeCfcAuthenticatorPolicy Authenticator { get; }

    public void Start()
    {
        foreach (FakeApiGroup group in Groups)
        {
            group.Register();
        }

        System.StartTicking();
    }

    public void Dispose() => System.Dispose();
}

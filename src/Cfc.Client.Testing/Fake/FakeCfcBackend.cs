namespace Cfc.Client.Testing;

/// <summary>
/// The fake CFC's behaviour, independent of how it is carried: the state plus every API group, registered with an
/// <see cref="IFakeCfcHost"/>. The wiring creates one, calls <see cref="Start"/> once the host is ready (which
/// registers all procedures and starts the tick), and disposes it when the fake stops. The seeds' contract
/// (<see cref="CfcUriScheme.Fabric"/>, <see cref="CfcUriScheme.Legacy"/>) lives in <c>Fake/Api</c>; the real master's
/// (<see cref="CfcUriScheme.CrossbarMaster"/>, served alone because it reuses some of the Fabric URIs with other
/// arguments) in <c>Fake/Master</c>. Both work on the same state.
/// </summary>
internal sealed class FakeCfcBackend : IDisposable
{
    private readonly FakeManagementRealmsApi? _managementRealms;
    private readonly FakeSystemApi? _system;

    public FakeCfcBackend(FakeCfcState state, IFakeCfcHost host, TimeSpan? tickPeriod = null, IReadOnlyList<CfcUriScheme>? schemes = null, bool masterStopRealmBug = false)
    {
        State = state;
        TimeSpan period = tickPeriod ?? FakeSystemApi.DefaultTickPeriod;
        if (schemes is [CfcUriScheme.CrossbarMaster])
        {
            MasterBackend = new FakeMasterBackend(state, host, period, masterStopRealmBug);
            Groups = MasterBackend.Groups;
        }
        else
        {
            if (schemes?.Contains(CfcUriScheme.CrossbarMaster) == true)
            {
                throw new ArgumentException("The CrossbarMaster contract is served alone: it registers some Fabric URIs with other arguments.", nameof(schemes));
            }

            _system = new FakeSystemApi(state, host, period, schemes);
            _managementRealms = new FakeManagementRealmsApi(state, host, schemes);
            Groups =
            [
                _system,
                _managementRealms,
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
        }

        Authenticator = new FakeCfcAuthenticatorPolicy(state) { EveryUserIsSuperuser = MasterBackend is not null };
    }

    public FakeCfcState State { get; }

    /// <summary>Realm creation and node pairing of the seeds' contract, also used by the fake's test-facing API.</summary>
    /// <exception cref="InvalidOperationException">The fake serves the CrossbarMaster contract (see <see cref="MasterBackend"/>).</exception>
    public FakeManagementRealmsApi ManagementRealms => _managementRealms ?? throw new InvalidOperationException("The fake serves the CrossbarMaster contract; use MasterBackend.");

    /// <summary>The CrossbarMaster contract, when the fake serves it; else <see langword="null"/>.</summary>
    public FakeMasterBackend? MasterBackend { get; }

    public IReadOnlyList<IFakeApiGroup> Groups { get; }

    /// <summary>What the router's cryptosign authenticator asks.</summary>
    public FakeCfcAuthenticatorPolicy Authenticator { get; }

    public void Start()
    {
        foreach (IFakeApiGroup group in Groups)
        {
            group.Register();
        }

        MasterBackend?.CreateDefaultRealm();
        _system?.StartTicking();
        MasterBackend?.StartTicking();
    }

    /// <summary>Pairs a simulated node as the fake itself (no caller checks), online, with the default simulated setup.</summary>
    public SimulatedNode AddNode(string realm, string nodeId, string publicKeyHex)
    {
        // Both complete synchronously: the router host publishes events without waiting. AddNode is a synchronous setup
        // call of the fake (no synchronization context to deadlock on), so blocking here never waits.
#pragma warning disable VSTHRD002 // Synchronously waiting on tasks: see above.
        return MasterBackend is { } master
            ? master.Mrealms.PairAsync(null, publicKeyHex, realm, nodeId, null, online: true).AsTask().GetAwaiter().GetResult().Node
            : ManagementRealms.PairNodeAsync(null, publicKeyHex, realm, nodeId, null, checkCaller: false).AsTask().GetAwaiter().GetResult().Node;
#pragma warning restore VSTHRD002
    }

    public void Dispose()
    {
        _system?.Dispose();
        MasterBackend?.Dispose();
    }
}

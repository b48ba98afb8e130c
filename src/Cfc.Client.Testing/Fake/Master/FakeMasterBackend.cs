namespace Cfc.Client.Testing;

/// <summary>
/// The fake's <see cref="CfcUriScheme.CrossbarMaster"/> contract: the groups of the real master's API over the shared
/// <see cref="FakeCfcState"/>, the <c>default</c> management realm the master always has, and one heartbeat per tick period
/// that drives <c>domain.on_tick</c>, every management realm's <c>on_tick</c> with node online/offline events, and the
/// batches of running traces.
/// </summary>
internal sealed class FakeMasterBackend : IDisposable
{
    private readonly TimeSpan _tickPeriod;
    private readonly MasterDomainApi _domain;
    private readonly MasterManagementRealmApi _managementRealm;
    private readonly MasterRemoteTracingApi _tracing;
    private readonly IFakeCfcHost _host;
    private ITimer? _timer;

    public FakeMasterBackend(FakeCfcState state, IFakeCfcHost host, TimeSpan tickPeriod, bool stopRealmBug)
    {
        _host = host;
        _tickPeriod = tickPeriod;
        Master = new FakeMasterState(state, stopRealmBug);
        _domain = new MasterDomainApi(Master, host, state.Version == FakeCfcState.DefaultVersion ? "22.6.1" : state.Version);
        Mrealms = new MasterMrealmsApi(Master, host);
        _managementRealm = new MasterManagementRealmApi(Master, host);
        _tracing = new MasterRemoteTracingApi(Master, host);
        Groups =
        [
            _domain,
            Mrealms,
            _managementRealm,
            new MasterMrealmTracingApi(Master, host, _tracing),
            new MasterRemoteNodeApi(Master, host),
            new MasterRemoteWorkerApi(Master, host),
            new MasterRemoteRouterApi(Master, host),
            new MasterRemoteContainerApi(Master, host),
            new MasterRemoteProxyApi(Master, host),
            _tracing,
            new MasterRemoteDockerApi(Master, host),
            new MasterRealmMetaApi(Master, host),
        ];
    }

    public FakeMasterState Master { get; }

    public MasterMrealmsApi Mrealms { get; }

    public IReadOnlyList<IFakeApiGroup> Groups { get; }

    /// <summary>Creates the <c>default</c> management realm (owned by nobody in particular: every user of the fake is the master's superuser).</summary>
    public void CreateDefaultRealm()
    {
        FakeCfcState state = Master.State;
        lock (state.Gate)
        {
            if (!state.Realms.ContainsKey(FakeMasterState.DefaultRealm))
            {
                state.Realms.Add(FakeMasterState.DefaultRealm, new FakeRealm(FakeMasterState.DefaultRealm, state.NewOid(), state.Now, null) { Status = FakeRealmStatus.Active });
            }
        }

        // A synchronous setup step of the fake: opening a realm on the in-process router completes synchronously.
#pragma warning disable VSTHRD002 // Synchronously waiting on tasks: see above.
        _host.OpenRealmAsync(FakeMasterState.DefaultRealm, CancellationToken.None).AsTask().GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
    }

    public void StartTicking() => _timer ??= Master.State.Time.CreateTimer(_ => _ = TickAsync(), null, _tickPeriod, _tickPeriod);

    /// <summary>One heartbeat of everything (the timer's work; tests on a recording host call it directly).</summary>
    public async Task TickAsync()
    {
        try
        {
            await _domain.TickAsync().ConfigureAwait(false);
            await _managementRealm.TickAsync().ConfigureAwait(false);
            await _tracing.TickAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A timer callback has nobody to report to; a dropped heartbeat is followed by the next one.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Dispose() => _timer?.Dispose();
}

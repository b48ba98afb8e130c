using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// System API of the global realm: <c>get_status</c> (version, realm, nonce, now, tick) and the <c>on_tick</c>
/// heartbeat. The tick starts at a random value and goes up by one every period (5 s by default), driven by the
/// state's <see cref="TimeProvider"/> so tests advance time instead of waiting.
/// </summary>
internal sealed class FakeSystemApi(FakeCfcState state, IFakeCfcHost host, TimeSpan tickPeriod, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeApiGroup(FakeApi.System, state, host, schemes), IDisposable
{
    /// <summary>The seed's tick period.</summary>
    public static readonly TimeSpan DefaultTickPeriod = TimeSpan.FromSeconds(5);

    private ITimer? _timer;

    public override void Register() => Procedure(FakeCfcState.GlobalRealm, "get_status", (_, _) => FakeJson.Result(w =>
    {
        w.WriteString("version", State.Version);
        w.WriteString("realm", FakeCfcState.GlobalRealm);
        w.WriteString("nonce", State.Nonce);
        w.WriteTime("now", State.Now);
        w.WriteNumber("tick", State.Tick);
    }));

    /// <summary>Starts the tick timer (once).</summary>
    public void StartTicking()
    {
        if (tickPeriod <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(tickPeriod), tickPeriod, "The tick period must be positive.");
        }

        _timer ??= State.Time.CreateTimer(_ => OnTimer(), null, tickPeriod, tickPeriod);
    }

    public void Dispose() => _timer?.Dispose();

    private void OnTimer()
    {
        WampPayload ticked;
        lock (State.Gate)
        {
            State.Tick++;
            ticked = FakeJson.Result(w =>
            {
                w.WriteTime("now", State.Now);
                w.WriteNumber("tick", State.Tick);
            });
        }

        // A timer callback cannot await; the host's publish is quick and its failures (router stopping) are not the timer's concern.
        ValueTask publish = PublishAsync(FakeCfcState.GlobalRealm, "on_tick", ticked);
        if (!publish.IsCompletedSuccessfully)
        {
            _ = ObserveAsync(publish);
        }
    }

    private static async Task ObserveAsync(ValueTask publish)
    {
        try
        {
            await publish.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Dropped tick: subscribers see the next one.
        }
    }
}

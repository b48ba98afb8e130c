using System.Collections.Concurrent;
using Cfc.Client.Testing;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Resilience;

/// <summary>
/// The typed client over a connection that drops, driven by the fake CFC's fault injection: typed event streams
/// survive reconnects without the observer doing anything, calls made during an outage wait for the new session,
/// and calls in flight when the connection drops fail at once and are not replayed.
/// </summary>
public sealed class CfcClientReconnectTests
{
    private const string Alice = "alice@example.com";

    private static readonly WampReconnectOptions FastReconnect = new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(50),
        MaxDelay = TimeSpan.FromMilliseconds(200),
        QueueTimeout = TimeSpan.FromSeconds(10),
    };

    private static async Task<(FakeCfc Fake, CfcClient Client)> StartAsync(CryptosignKey key, CancellationToken cancellationToken)
    {
        FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromMilliseconds(100) }, cancellationToken);
        fake.AddUser(Alice, key.PublicKeyHex);
        CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = fake.Url,
            Authenticator = CfcAuthenticator.Cryptosign(key, Alice),
            Connection = new() { Reconnect = FastReconnect },
        }, cancellationToken);
        return (fake, client);
    }

    [Fact(Timeout = 30_000)]
    public async Task Event_streams_resume_after_the_connection_drops_with_a_new_session_and_no_duplicates()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, timeout.Token);
        await using (fake)
        await using (client)
        {
            var states = new ConcurrentQueue<CfcConnectionState>();
            using IDisposable stateLog = client.StateChanges.Subscribe(new Observer<CfcConnectionState>(states.Enqueue));
            var ticks = new ConcurrentQueue<long>();
            using IDisposable tickLog = client.System.OnTick.Subscribe(new Observer<TickEvent>(t => ticks.Enqueue(t.Tick!.Value)));

            await Eventually.HoldsAsync(() => ticks.Count >= 2, Timeout.InfiniteTimeSpan, timeout.Token);
            long? firstSession = client.SessionId;

            await fake.DropAllConnectionsAsync();
            await Eventually.HoldsAsync(() => states.Contains(CfcConnectionState.Reconnecting) && client.State == CfcConnectionState.Connected, Timeout.InfiniteTimeSpan, timeout.Token);
            int ticksAtReconnect = ticks.Count;
            await Eventually.HoldsAsync(() => ticks.Count >= ticksAtReconnect + 3, Timeout.InfiniteTimeSpan, timeout.Token);

            Assert.NotEqual(firstSession, client.SessionId);
            long[] seen = [.. ticks];
            Assert.Equal(seen.Distinct().Count(), seen.Length);
            Assert.True(seen.SequenceEqual(seen.Order()), $"ticks arrived out of order: {string.Join(", ", seen)}");
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_call_made_during_an_outage_waits_for_the_new_session()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, timeout.Token);
        await using (fake)
        await using (client)
        {
            fake.RefuseConnections(TimeSpan.FromMilliseconds(700));
            await fake.DropAllConnectionsAsync();
            await Eventually.HoldsAsync(() => client.State == CfcConnectionState.Reconnecting, Timeout.InfiniteTimeSpan, timeout.Token);

            SystemStatus status = await client.System.GetStatusAsync(timeout.Token);

            Assert.Equal(CfcRealms.Global, status.Realm);
            Assert.Equal(CfcConnectionState.Connected, client.State);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_call_in_flight_when_the_connection_drops_fails_at_once_and_is_not_replayed()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, timeout.Token);
        await using (fake)
        await using (client)
        {
            fake.DelayAnswers(TimeSpan.FromSeconds(5));
            long callsBefore = fake.CallsReceived;
            Task<IReadOnlyList<string>> pending = client.ManagementRealms.GetRealmsAsync(timeout.Token);
            await Eventually.HoldsAsync(() => fake.CallsReceived > callsBefore, Timeout.InfiniteTimeSpan, timeout.Token);   // the CALL is at the router
            await fake.DropAllConnectionsAsync();

            var lost = await Assert.ThrowsAsync<CfcConnectionLostException>(() => pending.WaitAsync(TimeSpan.FromSeconds(3), timeout.Token));
            Assert.Contains("connection", lost.Message, StringComparison.OrdinalIgnoreCase);

            fake.DelayAnswers(TimeSpan.Zero);
            await Eventually.HoldsAsync(() => client.State == CfcConnectionState.Connected, Timeout.InfiniteTimeSpan, timeout.Token);
            Assert.NotNull(await client.System.GetStatusAsync(timeout.Token));
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_refused_rejoin_ends_failed_and_last_error_is_an_authentication_error()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        using CryptosignKey key = CryptosignKey.Generate();
        (FakeCfc fake, CfcClient client) = await StartAsync(key, timeout.Token);
        await using (fake)
        await using (client)
        {
            Assert.Null(client.LastError);
            var states = new ConcurrentQueue<CfcConnectionState>();
            using IDisposable stateLog = client.StateChanges.Subscribe(new Observer<CfcConnectionState>(states.Enqueue));

            Assert.True(fake.RemoveUser(Alice));
            await fake.DropAllConnectionsAsync();
            await Eventually.HoldsAsync(() => states.Contains(CfcConnectionState.Failed), Timeout.InfiniteTimeSpan, timeout.Token);

            Assert.Equal(CfcConnectionState.Failed, client.State);
            var error = Assert.IsType<CfcAuthenticationException>(client.LastError);
            Assert.IsType<WampAuthenticationException>(error.InnerException);
            Assert.Same(error, client.LastError);
        }
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void OnNext(T value) => onNext(value);
    }
}

using Cfc.Wamp.Router;
using Microsoft.Extensions.Time.Testing;

namespace Cfc.Wamp.Tests.Resilience;

/// <summary>Options and waits shared by the resilience tests. Every wait is bounded.</summary>
internal static class Harness
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Quick reconnects: 20 ms first delay, small growth, no jitter, bounded request timeouts.</summary>
    public static WampReconnectOptions FastReconnect => new()
    {
        InitialDelay = TimeSpan.FromMilliseconds(20),
        DelayGrowth = 1.2,
        MaxDelay = TimeSpan.FromMilliseconds(200),
        Jitter = 0.1,
        QueueTimeout = TimeSpan.FromSeconds(8),
    };

    public static WampClientOptions Options(Uri url, WampReconnectOptions? reconnect = null) => new()
    {
        Url = url,
        Realm = "realm1",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(5),
        CallTimeout = TimeSpan.FromSeconds(8),
        Reconnect = reconnect ?? FastReconnect,
    };

    public static Task<WampClient> ConnectAsync(WampRouterHost host, WampReconnectOptions? reconnect = null) =>
        WampClient.ConnectAsync(Options(host.Url, reconnect)).WaitAsync(Wait);

    /// <summary>
    /// Moves <paramref name="clock"/> on in small steps (letting the client run between them) until
    /// <paramref name="condition"/> holds; fails the test after <see cref="Wait"/> of real time.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition, string what)
    {
        DateTime until = DateTime.UtcNow + Wait;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Timed out (fake clock at {clock.GetUtcNow():O}) waiting for: {what}");
            }

            clock.Advance(TimeSpan.FromMilliseconds(20));
            await Task.Delay(5);
        }
    }

    /// <summary>Waits until the client has a ready session other than <paramref name="previousSessionId"/>.</summary>
    public static Task ReconnectedAsync(WampClient client, long? previousSessionId) =>
        Eventually.HoldsAsync(
            () => client.State == WampConnectionState.Connected && client.SessionId is { } id && id != previousSessionId,
            $"a new session (previous {previousSessionId}, state {client.State})",
            Wait);

    public static WampPayload Args(params long[] values)
    {
        var b = new WampPayloadBuilder();
        foreach (long v in values)
        {
            b.Add(v);
        }

        return b.Build();
    }
}

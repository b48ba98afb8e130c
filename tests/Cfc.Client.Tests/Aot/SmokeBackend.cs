using System.Globalization;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Aot;

/// <summary>
/// The tiny scripted CFC backend the AOT smoke app talks to: a plain WampClient that registers the procedures the
/// app calls and publishes <c>on_tick</c> until disposed. Deliberately not FakeCfc: this test pins the wire shapes.
/// </summary>
internal sealed class SmokeBackend : IAsyncDisposable
{
    private readonly WampClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _ticker;

    private SmokeBackend(WampClient client)
    {
        _client = client;
        _ticker = TickAsync(_stop.Token);
    }

    public static async Task<SmokeBackend> StartAsync(Uri url, string realm)
    {
        WampClient client = await WampClient.ConnectAsync(new WampClientOptions { Url = url, Realm = realm });
        await client.RegisterAsync("crossbarfabriccenter.system.get_status", static (_, _) => ValueTask.FromResult(
            WampPayload.FromArguments(WampJson.ParseElement("""{"version":"smoke-1.0","realm":"com.crossbario.fabric","nonce":"n0","now":"2026-11-01T12:00:00+00:00","tick":42}"""u8))));
        await client.RegisterAsync("crossbarfabriccenter.mrealm.get_realm", static (invocation, _) =>
            throw new WampException("crossbar.error.no_such_object", payload: new WampPayloadBuilder().Add("no realm named " + invocation.Payload[0].GetString()).Build()));
        await client.RegisterAsync("smoke.echo", static (invocation, _) => ValueTask.FromResult(invocation.Payload));
        return new SmokeBackend(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _ticker.WaitAsync(TimeSpan.FromSeconds(10));
        await _client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
    }

    // Ticks every 100 ms, so each subscription of the smoke app sees one soon after it subscribed.
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            for (long tick = 1000; ; tick++)
            {
                string json = $$"""{"now":"2026-11-01T12:00:{{tick % 60:00}}+00:00","tick":{{tick.ToString(CultureInfo.InvariantCulture)}}}""";
                await _client.PublishAsync("crossbarfabriccenter.system.on_tick", WampPayload.FromArguments(WampJson.ParseElement(System.Text.Encoding.UTF8.GetBytes(json))), cancellationToken: cancellationToken);
                await Task.Delay(100, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

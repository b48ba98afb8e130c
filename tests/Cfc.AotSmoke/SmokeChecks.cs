using System.Text.Json;
using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.AotSmoke;

/// <summary>One pass of checks over one serializer. Each check throws on a wrong answer, so the exit code is the verdict.</summary>
internal static class SmokeChecks
{
    /// <summary>The realm name the backend answers <c>not found</c> for.</summary>
    public const string MissingRealm = "no-such-realm";

    public static async Task RunAsync(Uri url, string realm, WampSerializer serializer, CancellationToken cancellationToken)
    {
        string name = serializer.ToString().ToLowerInvariant();
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = url,
            Realm = realm,
            Serializer = serializer,
            Authenticator = CfcAuthenticator.Anonymous,
        }, cancellationToken);
        Expect(client.State == CfcConnectionState.Connected, $"state is {client.State}");
        Console.WriteLine($"ok {name} connect session={client.SessionId}");

        // A typed call: the result goes through the source-generated JSON context (and through CBOR/MessagePack transcoding).
        SystemStatus status = await client.System.GetStatusAsync(cancellationToken);
        Expect(status.Version == "smoke-1.0" && status.Tick == 42 && status.Now?.Year == 2026, $"status {status}");
        Console.WriteLine($"ok {name} call get_status version={status.Version} tick={status.Tick} now={status.Now:O}");

        // An event: the first observer subscribes on the router; the backend publishes ticks until the test ends.
        TaskCompletionSource<TickEvent> tick = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (client.System.OnTick.Subscribe(new Observer<TickEvent>(t => tick.TrySetResult(t), e => tick.TrySetException(e))))
        {
            TickEvent received = await tick.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            Expect(received.Tick >= 1000, $"tick {received}");
            Console.WriteLine($"ok {name} event on_tick tick={received.Tick}");
        }

        // Error mapping: crossbar.error.no_such_object becomes CfcNotFoundException with the URI and arguments.
        try
        {
            await client.ManagementRealms.GetRealmAsync(MissingRealm, cancellationToken);
            throw new InvalidOperationException("get_realm of a missing realm succeeded");
        }
        catch (CfcNotFoundException ex)
        {
            Expect(ex.ErrorUri == "crossbar.error.no_such_object", $"error uri {ex.ErrorUri}");
            Expect(ex.Arguments is { ValueKind: JsonValueKind.Array } a && a[0].GetString() == "no realm named " + MissingRealm, $"error args {ex.Arguments}");
            Console.WriteLine($"ok {name} error {ex.GetType().Name} {ex.ErrorUri}");
        }

        // Argument checks run before anything goes on the wire.
        try
        {
            await client.ManagementRealms.GetRealmAsync("", cancellationToken);
            throw new InvalidOperationException("an empty realm name was accepted");
        }
        catch (ArgumentException)
        {
            Console.WriteLine($"ok {name} argument check");
        }

        // Raw WAMP through client.Wamp, with keyword arguments both ways.
        WampResult echo = await client.Wamp.CallAsync(
            "smoke.echo", new WampPayloadBuilder().Add("hello").Keyword("n", 7).Build(), cancellationToken: cancellationToken);
        Expect(echo.Payload[0].GetString() == "hello" && echo.Payload.TryGetKeyword("n", out JsonElement n) && n.GetInt64() == 7, $"echo {echo.Payload}");
        Console.WriteLine($"ok {name} raw call smoke.echo");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("unexpected " + what);
        }
    }

    private sealed class Observer<T>(Action<T> onNext, Action<Exception> onError) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error) => onError(error);

        public void OnNext(T value) => onNext(value);
    }
}

using System.Text.Json;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

/// <summary>Helpers that play the router's side of the handshake and build client options for scripted tests.</summary>
internal static class TestRouter
{
    public const long SessionId = 424242;

    public const string WelcomeDetails =
        """{"realm":"realm1","authid":"anon-1","authrole":"anonymous","authmethod":"anonymous","roles":{"dealer":{"features":{"call_canceling":true,"progressive_call_results":true,"caller_identification":true,"pattern_based_registration":true,"shared_registration":true,"registration_revocation":true}},"broker":{"features":{"pattern_based_subscription":true,"publisher_exclusion":true,"publisher_identification":true,"subscriber_blackwhite_listing":true,"subscription_revocation":true}}}}""";

    public static readonly Uri Url = new("ws://127.0.0.1:9/ws");

    /// <summary>
    /// Options for one scripted session. Reconnect is on by default, but a scripted transport serves exactly one
    /// connection and these tests are about what one session does when it ends, so it is off here on purpose; the
    /// tests of reconnect set it (see Resilience/).
    /// </summary>
    public static WampClientOptions Options(ScriptedTransportFactory factory) => new()
    {
        Reconnect = null,
        Url = Url,
        Realm = "realm1",
        TransportFactory = factory,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(5),
        CallTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Connects a client over a fresh scripted transport, answering HELLO with WELCOME.</summary>
    public static async Task<(WampClient Client, ScriptedTransport Router)> ConnectAsync(Func<WampClientOptions, WampClientOptions>? configure = null)
    {
        var transport = new ScriptedTransport();
        WampClientOptions options = Options(new ScriptedTransportFactory(transport));
        if (configure is not null)
        {
            options = configure(options);
        }

        Task<WampClient> connect = WampClient.ConnectAsync(options);
        await transport.NextAsync<HelloMessage>();
        transport.Push($"[2, {SessionId}, {WelcomeDetails}]");
        WampClient client = await connect.WaitAsync(ScriptedTransport.Wait);
        return (client, transport);
    }

    /// <summary>Awaits a task that must end within the standard wait.</summary>
    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(ScriptedTransport.Wait);

    public static Task Within(this Task task) => task.WaitAsync(ScriptedTransport.Wait);

    public static WampPayload Args(params object[] values)
    {
        var b = new WampPayloadBuilder();
        foreach (object v in values)
        {
            switch (v)
            {
                case string s: b.Add(s); break;
                case int i: b.Add(i); break;
                case long l: b.Add(l); break;
                case bool x: b.Add(x); break;
                default: throw new ArgumentException(v.GetType().Name);
            }
        }

        return b.Build();
    }

    public static string Raw(JsonElement? e) => e is { } v ? v.GetRawText() : "-";
}

/// <summary>A tiny authenticator for tests: answers each challenge round with "sig-N" and sends an authextra.</summary>
internal sealed class TestAuthenticator : WampAuthenticator
{
    private int _round;

    public List<(string Method, string Extra)> Challenges { get; } = [];

    public override IReadOnlyList<string> AuthMethods => ["ticket", "wampcra"];

    public override string? AuthId => "joe";

    public override string? AuthRole => "admin";

    public bool Fail { get; init; }

    public override bool WriteAuthExtra(Utf8JsonWriter writer)
    {
        writer.WriteString("pubkey", "abcd");
        return true;
    }

    public override ValueTask<WampAuthenticateResponse> AuthenticateAsync(string authMethod, JsonElement extra, CancellationToken cancellationToken)
    {
        Challenges.Add((authMethod, extra.GetRawText()));
        if (Fail)
        {
            throw new WampException("wamp.error.cannot_authenticate", "no secret for this method");
        }

        return ValueTask.FromResult(new WampAuthenticateResponse($"sig-{++_round}"));
    }
}

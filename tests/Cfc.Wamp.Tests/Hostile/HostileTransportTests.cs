using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using Cfc.Wamp.Transport;
using Cfc.Wamp.Tests.Session;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// The byte-level hostile router against the transports: dead peers behind stuck writes, redirects, unrequested
/// extensions and TLS. Keep-alive figures for RawSocket are taken on a fake clock; the WebSocket one (ClientWebSocket's
/// own timer) is measured and printed, and its bound is checked arithmetically.
/// </summary>
public sealed class HostileTransportTests(ITestOutputHelper output)
{
    private const string Welcome = """[2, 1, {"realm":"realm1","authid":"a","authrole":"anonymous","authmethod":"anonymous","roles":{"dealer":{"features":{"call_canceling":true}},"broker":{}}}]""";

    [Fact(Timeout = 60000)]
    public async Task A_rawsocket_router_that_stops_reading_is_found_dead_within_interval_plus_timeout_although_a_write_is_stuck()
    {
        var clock = new FakeTimeProvider();
        await using var router = new ByteRouter(async c =>
        {
            await c.AcceptRawSocketAsync();
            await c.ReadRawSocketFrameAsync();
            await c.WriteRawSocketTextAsync(Welcome);
            await c.FreezeAsync();   // SIGSTOP: reads nothing, answers nothing
        });
        await using WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("rs", path: string.Empty),
            Realm = "realm1",
            TimeProvider = clock,
            KeepAliveInterval = TimeSpan.FromSeconds(10),
            KeepAliveTimeout = TimeSpan.FromSeconds(5),
            CallTimeout = Timeout.InfiniteTimeSpan,
        });

        // 12 MiB never taken by the router: the write blocks once the socket buffers are full.
        Task<WampResult> call = client.CallAsync("com.example.big", new WampPayloadBuilder().Add(new string('x', 12 * 1024 * 1024)).Build());
        await Task.Delay(500);   // let the write fill the socket buffers (real time: it is the kernel that must fill up)

        TimeSpan step = TimeSpan.FromMilliseconds(500);
        TimeSpan elapsed = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        while (client.State == WampConnectionState.Connected && elapsed < TimeSpan.FromSeconds(60) && wall.Elapsed < TimeSpan.FromSeconds(40))
        {
            clock.Advance(step);
            elapsed += step;
            await Task.Delay(20);
        }

        output.WriteLine($"RawSocket, router stopped, write stuck: dead after {elapsed.TotalSeconds:0.0} s on the fake clock (bound 15 s = 10 s interval + 5 s timeout)");
        Assert.NotEqual(WampConnectionState.Connected, client.State);
        Assert.True(elapsed <= TimeSpan.FromSeconds(15) + step + step, $"noticed after {elapsed}");
        WampConnectionLostException lost = await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
        Assert.Contains("took no data", lost.ToString());
    }

    [Fact(Timeout = 60000)]
    public async Task A_websocket_router_that_stops_reading_is_found_dead_within_the_documented_bound_although_a_write_is_stuck()
    {
        await using var router = new ByteRouter(async c =>
        {
            (_, Dictionary<string, string> request) = await c.ReadHttpRequestAsync();
            await c.AcceptWebSocketAsync(request);
            await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync(Welcome);
            await c.FreezeAsync();
        });
        TimeSpan interval = TimeSpan.FromSeconds(2);
        TimeSpan timeout = TimeSpan.FromSeconds(2);
        await using WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("ws"),
            Realm = "realm1",
            KeepAliveInterval = interval,
            KeepAliveTimeout = timeout,
            CallTimeout = Timeout.InfiniteTimeSpan,
        });

        var wall = Stopwatch.StartNew();
        Task<WampResult> call = client.CallAsync("com.example.big", new WampPayloadBuilder().Add(new string('x', 12 * 1024 * 1024)).Build());
        while (client.State == WampConnectionState.Connected && wall.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }

        // Wall clock (ClientWebSocket's own timer): printed, and only checked against a generous ceiling; the exact
        // bound is checked by the arithmetic test below.
        output.WriteLine($"WebSocket, router stopped, write stuck: dead after {wall.Elapsed.TotalSeconds:0.00} s (bound {interval + timeout} = interval + timeout)");
        Assert.NotEqual(WampConnectionState.Connected, client.State);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(20), $"noticed after {wall.Elapsed}");
        await Assert.ThrowsAsync<WampConnectionLostException>(() => call.Within());
    }

    [Theory]
    [InlineData(10, 5)]
    [InlineData(2, 2)]
    [InlineData(30, 10)]
    [InlineData(5, 2)]
    [InlineData(60, 60)]
    public void The_keep_alive_handed_to_ClientWebSocket_meets_interval_plus_timeout_despite_its_heartbeat(int intervalSeconds, int timeoutSeconds)
    {
        TimeSpan interval = TimeSpan.FromSeconds(intervalSeconds);
        TimeSpan timeout = TimeSpan.FromSeconds(timeoutSeconds);
        TimeSpan bound = WebSocketTransportFactory.DetectionBound(interval, timeout);
        output.WriteLine($"interval {intervalSeconds} s + timeout {timeoutSeconds} s: worst case {bound.TotalSeconds:0.00} s");
        Assert.True(bound <= interval + timeout, $"{bound} > {interval + timeout}");
    }

    [Fact(Timeout = 30000)]
    public async Task A_redirect_is_not_followed_by_default_and_the_error_says_where_it_pointed()
    {
        await using var target = new ByteRouter(_ => Task.CompletedTask);
        await using var router = new ByteRouter(async c =>
        {
            await c.ReadHttpRequestAsync();
            await c.WriteHttpAsync($"HTTP/1.1 302 Found\r\nLocation: {target.Url("ws")}\r\nContent-Length: 0\r\n\r\n");
        });

        WampConnectionLostException ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("ws"),
            Realm = "realm1",
            Authenticator = WampAuthenticator.Ticket("joe", "tkt-secret"),
        }).Within());
        Assert.Contains("redirect", ex.Message);
        Assert.Contains(target.Url("ws").ToString(), ex.Message);
        Assert.Contains("AllowRedirects", ex.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact(Timeout = 30000)]
    public async Task An_allowed_redirect_never_takes_credentials_to_another_host()
    {
        await using var target = new ByteRouter(_ => Task.CompletedTask);
        await using var router = new ByteRouter(async c =>
        {
            await c.ReadHttpRequestAsync();
            await c.WriteHttpAsync($"HTTP/1.1 307 Temporary Redirect\r\nLocation: {target.Url("ws", host: "localhost")}\r\nContent-Length: 0\r\n\r\n");
        });

        WampConnectionLostException ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("ws"),
            Realm = "realm1",
            Authenticator = WampAuthenticator.Ticket("joe", "tkt-secret"),
            AllowRedirects = true,
        }).Within());
        Assert.Contains("another host", ex.Message);
        Assert.Equal(0, target.Accepted);
    }

    [Fact(Timeout = 30000)]
    public async Task An_allowed_redirect_on_the_same_host_is_followed_and_an_anonymous_one_to_another_host_too()
    {
        string? ticketSeen = null;
        await using var router = new ByteRouter(async c =>
        {
            (string line, Dictionary<string, string> request) = await c.ReadHttpRequestAsync();
            if (line.StartsWith("GET /ws ", StringComparison.Ordinal))
            {
                await c.WriteHttpAsync("HTTP/1.1 301 Moved Permanently\r\nLocation: /ws2\r\nContent-Length: 0\r\n\r\n");
                return;
            }

            await c.AcceptWebSocketAsync(request);
            await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync("""[4, "ticket", {}]""");
            ticketSeen = await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync(Welcome);
            await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync("""[6, {}, "wamp.close.goodbye_and_out"]""");
        });

        await using (WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("ws"),
            Realm = "realm1",
            Authenticator = WampAuthenticator.Ticket("joe", "tkt-secret"),
            AllowRedirects = true,
        }).Within())
        {
            Assert.Equal(WampConnectionState.Connected, client.State);
        }

        Assert.Contains("tkt-secret", ticketSeen);

        await using var other = new ByteRouter(async c =>
        {
            (_, Dictionary<string, string> request) = await c.ReadHttpRequestAsync();
            await c.AcceptWebSocketAsync(request);
            await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync(Welcome);
            await c.ReadWebSocketTextAsync();
            await c.WriteWebSocketTextAsync("""[6, {}, "wamp.close.goodbye_and_out"]""");
        });
        await using var pointing = new ByteRouter(async c =>
        {
            await c.ReadHttpRequestAsync();
            await c.WriteHttpAsync($"HTTP/1.1 302 Found\r\nLocation: {other.Url("ws", host: "localhost")}\r\nContent-Length: 0\r\n\r\n");
        });
        await using WampClient anonymous = await WampClient.ConnectAsync(new WampClientOptions { Url = pointing.Url("ws"), Realm = "realm1", AllowRedirects = true }).Within();
        Assert.Equal(1, other.Accepted);
    }

    [Fact(Timeout = 30000)]
    public async Task An_unrequested_websocket_extension_is_refused()
    {
        await using var router = new ByteRouter(async c =>
        {
            (_, Dictionary<string, string> request) = await c.ReadHttpRequestAsync();
            await c.AcceptWebSocketAsync(request, "Sec-WebSocket-Extensions: permessage-deflate");
            await c.FreezeAsync();
        });

        WampProtocolViolationException ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() =>
            WampClient.ConnectAsync(new WampClientOptions { Url = router.Url("ws"), Realm = "realm1" }).Within());
        Assert.Contains("permessage-deflate", ex.Message);
    }

    [Theory(Timeout = 30000)]
    [InlineData("rss")]
    [InlineData("wss")]
    public async Task Tls_hooks_work_alike_for_wss_and_rss_and_an_untrusted_certificate_is_refused(string scheme)
    {
        using X509Certificate2 serverCertificate = ByteRouter.CreateCertificate();
        using X509Certificate2 clientCertificate = ByteRouter.CreateCertificate("CN=hostile-client");
        await using var router = new ByteRouter(
            async c =>
            {
                if (scheme == "rss")
                {
                    await c.AcceptRawSocketAsync();
                    await c.ReadRawSocketFrameAsync();
                    await c.WriteRawSocketTextAsync(Welcome);
                    await c.ReadRawSocketFrameAsync();
                    await c.WriteRawSocketTextAsync("""[6, {}, "wamp.close.goodbye_and_out"]""");
                }
                else
                {
                    (_, Dictionary<string, string> request) = await c.ReadHttpRequestAsync();
                    await c.AcceptWebSocketAsync(request);
                    await c.ReadWebSocketTextAsync();
                    await c.WriteWebSocketTextAsync(Welcome);
                    await c.ReadWebSocketTextAsync();
                    await c.WriteWebSocketTextAsync("""[6, {}, "wamp.close.goodbye_and_out"]""");
                }
            },
            serverCertificate,
            requireClientCertificate: true);
        var options = new WampClientOptions { Url = router.Url(scheme, path: scheme == "rss" ? string.Empty : "/ws"), Realm = "realm1" };

        // The system store does not trust it.
        await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(options).Within());

        // A private root, plus a client certificate the router sees.
        await using (WampClient trusted = await WampClient.ConnectAsync(options with
        {
            Tls = new WampTlsOptions { TrustedCertificates = [serverCertificate], ClientCertificates = new X509CertificateCollection { clientCertificate } },
        }).Within())
        {
            Assert.Equal(WampConnectionState.Connected, trusted.State);
        }

        Assert.Equal(clientCertificate.Thumbprint, X509CertificateLoader.LoadCertificate(router.LastClientCertificate!.GetRawCertData()).Thumbprint);

        // A validation callback decides.
        int asked = 0;
        await using WampClient called = await WampClient.ConnectAsync(options with
        {
            Tls = new WampTlsOptions { ServerCertificateValidation = (_, certificate, _, _) => Interlocked.Increment(ref asked) > 0 && certificate?.Subject == "CN=hostile-router" },
        }).Within();
        Assert.True(asked >= 1);
    }

    [Fact(Timeout = 30000)]
    public async Task A_redirect_from_wss_to_ws_is_never_followed()
    {
        using X509Certificate2 certificate = ByteRouter.CreateCertificate();
        await using var plain = new ByteRouter(_ => Task.CompletedTask);
        await using var router = new ByteRouter(
            async c =>
            {
                await c.ReadHttpRequestAsync();
                await c.WriteHttpAsync($"HTTP/1.1 302 Found\r\nLocation: {plain.Url("ws")}\r\nContent-Length: 0\r\n\r\n");
            },
            certificate);

        WampConnectionLostException ex = await Assert.ThrowsAsync<WampConnectionLostException>(() => WampClient.ConnectAsync(new WampClientOptions
        {
            Url = router.Url("wss"),
            Realm = "realm1",
            AllowRedirects = true,
            Tls = new WampTlsOptions { TrustedCertificates = [certificate] },
        }).Within());
        Assert.Contains("leave TLS", ex.Message);
        Assert.Equal(0, plain.Accepted);
    }
}

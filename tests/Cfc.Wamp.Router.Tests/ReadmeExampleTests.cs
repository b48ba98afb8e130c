namespace Cfc.Wamp.Router.Tests;

/// <summary>The example of src/Cfc.Wamp.Router/README.md works as written: a ticket realm, a client that joins it, fault injection.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task A_client_joins_the_ticket_realm_calls_and_is_dropped_by_fault_injection()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(cancellationToken: timeout.Token);
        host.Router.AddRealm(new WampRealmOptions("secure")
        {
            Authenticator = new WampRouterCredentials().AddTicket("alice", "s3cret", authRole: "admin"),
        });

        await using WampClient client = await WampClient.ConnectAsync(new WampClientOptions
        {
            Url = host.Url,
            Realm = "secure",
            Authenticator = WampAuthenticator.Ticket("alice", "s3cret"),
            Reconnect = null,
        }, timeout.Token);

        await using WampRegistration registration = await client.RegisterAsync("com.example.echo", (inv, _) => ValueTask.FromResult(inv.Payload), cancellationToken: timeout.Token);
        WampResult result = await client.CallAsync("com.example.echo", new WampPayloadBuilder().Add("hi").Build(), cancellationToken: timeout.Token);
        Assert.Equal("hi", result.Payload[0].GetString());
        Assert.Equal(1, host.Router.SessionCount);

        await host.Router.DropAllConnectionsAsync();

        await Eventually.HoldsAsync(() => client.State != WampConnectionState.Connected, "the client noticed the dropped connection", cancellationToken: timeout.Token);
        await Eventually.HoldsAsync(() => host.Router.SessionCount == 0, "the router forgot the session", cancellationToken: timeout.Token);
    }
}

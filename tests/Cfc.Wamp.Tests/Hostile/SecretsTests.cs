using Cfc.Wamp.Messages;
using Cfc.Wamp.Tests.Session;

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>Secrets (ticket, WAMP-CRA secret) never reach logs, messages or ToString, and a disposed client lets go of them.</summary>
[Collection(HostileCollection.Name)]
public sealed class SecretsTests
{
    private const string Ticket = "tkt-7f3a9c51e2b8";
    private const string CraSecret = "cra-5d1e8b2a4c6f";

    [Fact(Timeout = 30000)]
    public async Task A_full_run_with_ticket_and_wampcra_never_logs_or_reports_a_secret_and_warns_once_about_plain_text()
    {
        var logs = new LogCapture();
        var messages = new List<string>();
        foreach (WampAuthenticator authenticator in new[] { WampAuthenticator.Ticket("joe", Ticket), WampAuthenticator.WampCra("peter", CraSecret) })
        {
            messages.Add(authenticator.ToString()!);

            // Joins (two connects on one client: the warning comes once), then the router refuses the next join.
            var first = new ScriptedTransport();
            var refused = new ScriptedTransport();
            var factory = new ScriptedTransportFactory(first, refused);
            WampClientOptions options = TestRouter.Options(factory) with { Authenticator = authenticator, LoggerFactory = logs };
            Task<WampClient> connect = WampClient.ConnectAsync(options with
            {
                Reconnect = new WampReconnectOptions { InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero, Jitter = 0, MaxAttempts = 1 },
            });
            await first.NextAsync<HelloMessage>();
            first.Push(authenticator.AuthMethods[0] == "ticket" ? """[4, "ticket", {}]""" : """[4, "wampcra", {"challenge":"{\"nonce\":\"n1\"}","salt":"s","iterations":10,"keylen":32}]""");
            await first.NextAsync<AuthenticateMessage>();
            first.Push($"[2, {TestRouter.SessionId}, {TestRouter.WelcomeDetails}]");
            WampClient client = await connect.Within();

            first.PushClose();
            await refused.NextAsync<HelloMessage>();
            refused.Push("""[3, {"message":"bad credentials"}, "wamp.error.not_authorized"]""");
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Failed, ScriptedTransport.Wait);
            messages.Add(client.LastError!.ToString());
            await client.DisposeAsync();

            Assert.Same(WampAuthenticator.Anonymous, client.Options.Authenticator);
        }

        string all = logs.AllText + "\n" + string.Join("\n", messages);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(Ticket, all, StringComparison.Ordinal);
        Assert.DoesNotContain(CraSecret, all, StringComparison.Ordinal);
        Assert.Equal(2, logs.Count(1020));   // once per client, although each client connected twice
    }
}

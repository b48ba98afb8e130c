using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Session;

public sealed class ProtocolViolationTests
{
    [Theory(Timeout = 20000)]
    [InlineData("""{garbage""", "undecodable")]
    [InlineData("""[]""", "undecodable")]
    [InlineData("""[999, 1, {}]""", "unknown message code 999")]
    [InlineData("""[50, "one", {}]""", "element 1")]
    [InlineData("""[50, 1, []]""", "dictionary")]
    [InlineData("""[36, 1]""", "EVENT has 4 to 6 elements")]
    [InlineData("""[50]""", "RESULT has")]
    [InlineData("""[2, 5, {}]""", "WELCOME after the session was joined")]
    [InlineData("""[4, "ticket", {}]""", "CHALLENGE after the session was joined")]
    [InlineData("""[1, "realm1", {}]""", "HELLO after the session was joined")]
    [InlineData("""[48, 5, {}, "com.x"]""", "CALL after the session was joined")]
    [InlineData("""[50, 99, {}]""", "RESULT for request id 99, which is not pending")]
    [InlineData("""[8, 48, 99, {}, "wamp.error.x"]""", "ERROR for request id 99, which is not pending")]
    [InlineData("""[8, 64, 1, {}, "wamp.error.x"]""", "ERROR naming a REGISTER for request id 1, which is a CALL")]
    [InlineData("""[33, 1, 5]""", "SUBSCRIBED for request id 1, which is a CALL")]
    [InlineData("""[65, 42, 5]""", "REGISTERED for request id 42, which is not pending")]
    [InlineData("""[17, 42, 5]""", "PUBLISHED for request id 42, which is not pending")]
    [InlineData("""[35, 0, {"reason": "x"}]""", "no subscription id")]
    public async Task Bad_input_aborts_with_protocol_violation_and_fails_pending_calls_at_once(string frame, string expected)
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.pending");
            Assert.Equal(1, (await router.NextAsync<CallMessage>()).RequestId);
            router.Push(frame);

            var ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => call.Within());
            Assert.Contains(expected, ex.Message);
            Assert.Contains("1 request(s) were pending", ex.Message);

            AbortMessage abort = await router.NextAsync<AbortMessage>();
            Assert.Equal("wamp.error.protocol_violation", abort.Reason);
            Assert.Contains(expected, abort.Details.GetProperty("message").GetString());
            await router.Closed.Within();
            await Eventually.HoldsAsync(() => client.State == WampConnectionState.Disconnected, ScriptedTransport.Wait);
            await Assert.ThrowsAsync<WampConnectionLostException>(() => client.CallAsync("com.after"));
        }
    }

    [Fact(Timeout = 20000)]
    public async Task Every_pending_request_fails_not_just_calls()
    {
        (WampClient client, ScriptedTransport router) = await TestRouter.ConnectAsync();
        await using (client)
        {
            Task<WampResult> call = client.CallAsync("com.a");
            Task<WampSubscription> subscribe = client.SubscribeAsync("com.t", (_, _) => default);
            Task<long?> publish = client.PublishAsync("com.t", default, new WampPublishOptions { Acknowledge = true });
            Task<WampRegistration> register = client.RegisterAsync("com.p", (_, _) => default);
            for (int i = 0; i < 4; i++)
            {
                await router.NextAsync();
            }

            router.Push("""[50, 1000, {}]""");
            await Assert.ThrowsAsync<WampProtocolViolationException>(() => call.Within());
            await Assert.ThrowsAsync<WampProtocolViolationException>(() => subscribe.Within());
            await Assert.ThrowsAsync<WampProtocolViolationException>(() => publish.Within());
            var ex = await Assert.ThrowsAsync<WampProtocolViolationException>(() => register.Within());
            Assert.Contains("4 request(s) were pending", ex.Message);
        }
    }
}

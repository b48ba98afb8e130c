using System.Text.Json;
using Cfc.Wamp.Router;
using Cfc.Wamp.Auth;

namespace Cfc.Wamp.Tests.EndToEnd;

/// <summary>The client and the in-process router over a real WebSocket on loopback, with every serializer.</summary>
public sealed class ClientAgainstInProcessRouterTests
{
    public static TheoryData<WampSerializer> Serializers => new() { WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack };

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Serializers))]
    public async Task Rpc_and_pubsub_work_end_to_end(WampSerializer serializer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(cancellationToken: timeout.Token);
        var options = new WampClientOptions { Url = host.Url, Realm = "realm1", Serializers = [serializer] };
        await using WampClient callee = await WampClient.ConnectAsync(options, timeout.Token);
        await using WampClient caller = await WampClient.ConnectAsync(options, timeout.Token);

        await using WampRegistration registration = await callee.RegisterAsync("com.example.add2", (inv, _) =>
            ValueTask.FromResult(new WampPayloadBuilder().Add(inv.Payload[0].GetInt64() + inv.Payload[1].GetInt64()).Build()),
            cancellationToken: timeout.Token);

        WampResult result = await caller.CallAsync("com.example.add2", new WampPayloadBuilder().Add(20).Add(22).Build(), cancellationToken: timeout.Token);
        Assert.Equal(42, result.Payload[0].GetInt64());

        var received = new TaskCompletionSource<WampEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WampSubscription subscription = await callee.SubscribeAsync("com.example.topic", (e, _) =>
        {
            received.TrySetResult(e);
            return ValueTask.CompletedTask;
        }, cancellationToken: timeout.Token);

        byte[] blob = [1, 2, 3, 0, 255];
        long? publication = await caller.PublishAsync(
            "com.example.topic",
            new WampPayloadBuilder().Add("hello").AddBinary(blob).Keyword("n", 7).Build(),
            new WampPublishOptions { Acknowledge = true },
            timeout.Token);
        Assert.NotNull(publication);

        WampEvent ev = await received.Task.WaitAsync(timeout.Token);
        Assert.Equal("hello", ev.Payload[0].GetString());
        Assert.Equal(blob, WampJson.DecodeBinary(ev.Payload[1].GetString()!));
        Assert.True(ev.Payload.TryGetKeyword("n", out JsonElement n));
        Assert.Equal(7, n.GetInt32());
        Assert.Equal(publication, ev.PublicationId);
    }

    [Theory(Timeout = 20_000)]
    [MemberData(nameof(Serializers))]
    public async Task RawSocket_carries_calls_and_events(WampSerializer serializer)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(hostOptions: new WampRouterHostOptions { RawSocketPort = 0 }, cancellationToken: timeout.Token);
        var options = new WampClientOptions { Url = host.RawSocketUrl, Realm = "realm1", Serializers = [serializer] };
        await using WampClient callee = await WampClient.ConnectAsync(options, timeout.Token);
        await using WampClient caller = await WampClient.ConnectAsync(options, timeout.Token);

        await using WampRegistration registration = await callee.RegisterAsync("com.example.echo", (inv, _) => ValueTask.FromResult(inv.Payload), cancellationToken: timeout.Token);
        string big = new('x', 100_000);
        WampResult result = await caller.CallAsync("com.example.echo", new WampPayloadBuilder().Add(big).Build(), cancellationToken: timeout.Token);
        Assert.Equal(big, result.Payload[0].GetString());

        var received = new TaskCompletionSource<WampEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using WampSubscription subscription = await callee.SubscribeAsync("com.example", (e, _) =>
        {
            received.TrySetResult(e);
            return ValueTask.CompletedTask;
        }, new WampSubscribeOptions { Match = WampMatch.Prefix }, timeout.Token);
        await caller.PublishAsync("com.example.news", new WampPayloadBuilder().Add(1).Build(), new WampPublishOptions { Acknowledge = true }, timeout.Token);
        WampEvent ev = await received.Task.WaitAsync(timeout.Token);
        Assert.Equal("com.example.news", ev.Topic);
    }

    [Fact(Timeout = 20_000)]
    public async Task Cryptosign_login_is_checked_by_the_router()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        using Ed25519Signer good = Ed25519Signer.Generate();
        using Ed25519Signer stranger = Ed25519Signer.Generate();
        var credentials = new WampRouterCredentials().AddCryptosign(good.PublicKeyHex, "alice");
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(new WampRouterOptions { DefaultAuthenticator = credentials }, cancellationToken: timeout.Token);

        await using WampClient client = await WampClient.ConnectAsync(
            new WampClientOptions { Url = host.Url, Realm = "realm1", Authenticator = WampAuthenticator.Cryptosign(good, "alice") }, timeout.Token);
        Assert.Equal("alice", client.SessionDetails!.AuthId);

        WampAuthenticationException refused = await Assert.ThrowsAsync<WampAuthenticationException>(() =>
            WampClient.ConnectAsync(new WampClientOptions { Url = host.Url, Realm = "realm1", Authenticator = WampAuthenticator.Cryptosign(stranger, "alice") }, timeout.Token));
        Assert.Equal("wamp.error.not_authorized", refused.ErrorUri);
    }
}

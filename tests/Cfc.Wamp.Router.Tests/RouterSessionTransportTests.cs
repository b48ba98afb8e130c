using System.Text.Json;
using Cfc.Wamp.Router;

namespace Cfc.Wamp.Router.Tests;

/// <summary>
/// wamp.session.get tells what carries a session: the transport kind and the serializer's name, the same for
/// WebSocket and RawSocket (a RawSocket session has no WebSocket subprotocol to report).
/// </summary>
public sealed class RouterSessionTransportTests
{
    [Theory]
    [InlineData("ws", WampSerializer.Json, "websocket", "json")]
    [InlineData("ws", WampSerializer.MessagePack, "websocket", "msgpack")]
    [InlineData("rs", WampSerializer.Cbor, "rawsocket", "cbor")]
    [InlineData("rs", WampSerializer.Json, "rawsocket", "json")]
    public async Task Session_get_reports_the_transport_kind_and_the_serializer_name(string scheme, WampSerializer serializer, string type, string name)
    {
        await using WampRouterHost host = await WampRouterHost.StartNewAsync(hostOptions: new WampRouterHostOptions { RawSocketPort = 0 });
        using var cts = new CancellationTokenSource(RawPeer.Timeout);
        await using WampClient client = await WampClient.ConnectAsync(
            new WampClientOptions { Url = scheme == "ws" ? host.Url : host.RawSocketUrl, Realm = "realm1", Serializers = [serializer] },
            cts.Token);

        WampResult result = await client.CallAsync("wamp.session.get", new WampPayloadBuilder().Add(client.SessionId!.Value).Build(), cancellationToken: cts.Token);

        JsonElement transport = result.Payload[0].GetProperty("transport");
        Assert.Equal(type, transport.GetProperty("type").GetString());
        Assert.Equal(name, transport.GetProperty("serializer").GetString());
    }
}

using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit;
using Cfc.TestKit.CrossbarMaster;
using Cfc.Wamp;

namespace Cfc.Master.Tests;

/// <summary>
/// The WAMP meta API of a router realm on the edge, bridged to the master (<c>bridge_meta_api</c>): an application
/// session's registration and subscription are seen with their callee and subscriber, and the session is killed.
/// </summary>
[Collection(MasterCollection.Name)]
public sealed class RealmMetaTests(CrossbarMasterKit kit)
{
    private const string Procedure = "com.example.echo";
    private const string Topic = "com.example.news";

    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task The_meta_bridge_shows_an_apps_callee_and_subscriber_and_kills_its_session(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string worker = $"mw-{serializer}";
        string realmName = $"meta-{serializer}";
        int port = FreePort.Next();
        await client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("router"));
        try
        {
            await client.RemoteRouter.StartRouterRealmAsync(Edge, worker, "realm1", EdgeConfigs.Realm(realmName));
            await client.RemoteRouter.StartRouterRealmRoleAsync(Edge, worker, "realm1", "role1", EdgeConfigs.AnonymousRole());
            await client.RemoteRouter.StartRouterTransportAsync(Edge, worker, "ws1", EdgeConfigs.WebSocketTransport(port));

            await using CfcClient app = await AppSessions.ConnectAsync(port, realmName, serializer);
            long session = app.SessionId!.Value;
            WampRegistration registration = await app.Wamp.RegisterAsync(Procedure, (invocation, _) => ValueTask.FromResult(invocation.Payload));
            WampSubscription subscription = await app.Wamp.SubscribeAsync(Topic, (_, _) => ValueTask.CompletedTask);

            // the callee of the app's registration
            long registrationId = registration.RegistrationId!.Value;
            Assert.Contains(registrationId, (await client.RemoteRouterMeta.GetRegistrationsAsync(Edge, worker, "realm1")).Exact!);
            Assert.Equal([session], await client.RemoteRouterMeta.GetRegistrationCalleesAsync(Edge, worker, "realm1", registrationId));

            // the app's subscription and its subscriber
            long subscriptionId = subscription.SubscriptionId!.Value;
            MetaIdLists subscriptions = await client.RemoteRouterMeta.GetSubscriptionsAsync(Edge, worker, "realm1");
            Assert.Contains(subscriptionId, subscriptions.Exact!);
            MetaSubscriptionDetails details = await client.RemoteRouterMeta.GetSubscriptionAsync(Edge, worker, "realm1", subscriptionId);
            Assert.Equal((subscriptionId, Topic, "exact"), (details.Id, details.Uri, details.Match));
            Assert.Equal([session], await client.RemoteRouterMeta.GetSubscriptionSubscribersAsync(Edge, worker, "realm1", subscriptionId));
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteRouterMeta.GetSubscriptionAsync(Edge, worker, "realm1", 1));

            // killing the session disconnects the app
            await client.RemoteRouterMeta.KillSessionAsync(Edge, worker, "realm1", session);
            await Eventually.HoldsAsync(() => app.State != CfcConnectionState.Connected, "the killed app session to be disconnected", MasterClients.Operation);
            Assert.DoesNotContain(session, await client.RemoteRouterMeta.GetSessionsAsync(Edge, worker, "realm1"));
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteRouterMeta.KillSessionAsync(Edge, worker, "realm1", session));
        }
        finally
        {
            await client.RemoteNode.StopWorkerAsync(Edge, worker);
        }
    }
}

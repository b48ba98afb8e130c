using Cfc.Client;

namespace Cfc.Quickstart;

/// <summary>The steps of the quickstart, each printed as it happens.</summary>
public sealed class QuickstartTour(TextWriter output)
{
    private static readonly TimeSpan EventWait = TimeSpan.FromSeconds(8);

    public async Task RunAsync(Uri url, string globalRealm, CryptosignKey key, string? authId, bool simulatedNodes, CancellationToken cancellationToken)
    {
        Step($"Connecting to {url} (realm {globalRealm}) with cryptosign as {authId ?? "(the key's user)"}");
        await using CfcClient client = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = url,
            Realm = globalRealm,
            Authenticator = CfcAuthenticator.Cryptosign(key, authId),
            // UriScheme is left at its default, CfcUriScheme.Auto: the client finds out at connect whether the server is a
            // Crossbar.io master or speaks the documents' API (one round trip), and client.UriScheme says which.
            // The client reconnects by default (autobahn's backoff) and restores its event streams; the first connect
            // still fails fast. Connection = new() { Reconnect = null } turns it off. `await using` closes within Connection.CloseTimeout (2 s).
        }, cancellationToken);
        Say($"connected: session {client.SessionId}, the server speaks CfcUriScheme.{client.UriScheme} (reconnects by itself if the connection drops)");

        SystemStatus status = await client.System.GetStatusAsync(cancellationToken);
        Say($"CFC {status.Version ?? status.Type}, realm {status.Realm}, time {status.Now:u}, tick {status.Tick}");
        if (client.UriScheme == CfcUriScheme.CrossbarMaster)
        {
            DomainVersion version = await client.Domain.GetVersionAsync(cancellationToken);
            DomainLicense license = await client.Domain.GetLicenseAsync(cancellationToken);
            Say($"Crossbar.io master {version.CrossbarVer}, license {license.Product}");
        }

        Step("Subscribing to events (OnTick, OnRealmCreated, OnNodePaired, OnNodeUnpaired, OnRealmDeleted)");
        var tick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The ticks come every few seconds: a plain Subscribe is enough. For the realm and node events we wait until
        // the router has the subscriptions (SubscribeAsync), so that the events of what we do next cannot be missed.
        using IDisposable onTick = client.System.OnTick.Subscribe(t => { Event($"OnTick: tick {t.Tick} at {t.Now:u}"); tick.TrySetResult(); });
        await using CfcEventSubscription onCreated = await client.ManagementRealms.OnRealmCreated.SubscribeAsync(e => Event($"OnRealmCreated: {e.RealmName} (oid {e.Details.Oid})"), cancellationToken);
        await using CfcEventSubscription onPaired = await client.ManagementRealms.OnNodePaired.SubscribeAsync(e => Event($"OnNodePaired: node {e.NodeId} in {e.RealmName}"), cancellationToken);
        await using CfcEventSubscription onUnpaired = await client.ManagementRealms.OnNodeUnpaired.SubscribeAsync(e => Event($"OnNodeUnpaired: node {e.NodeId} from {e.RealmName}"), cancellationToken);
        await using CfcEventSubscription onDeleted = await client.ManagementRealms.OnRealmDeleted.SubscribeAsync(e => { Event($"OnRealmDeleted: {e.RealmName}"); deleted.TrySetResult(); }, cancellationToken);

        string realm = "quickstart-" + Guid.NewGuid().ToString("N")[..8];
        Step($"Creating management realm {realm}");
        ManagementRealmInfo info = await client.ManagementRealms.CreateRealmAsync(realm, cancellationToken);
        Say($"created {info.Name} (oid {info.Oid}, owner {info.Owner})");

        using CryptosignKey nodeKey = CryptosignKey.Generate();
        const string nodeId = "node1";
        Step($"Pairing node {nodeId} (public key {nodeKey.PublicKeyHex[..16]}...) with {realm}");
        NodePaired paired = await client.ManagementRealms.PairNodeAsync(nodeKey.PublicKeyHex, realm, nodeId, cancellationToken: cancellationToken);
        Say($"paired node oid {paired.Oid}");

        Step("Listing what we made");
        Say($"management realms: {string.Join(", ", await client.ManagementRealms.GetRealmsAsync(cancellationToken))}");
        try
        {
            Say($"paired nodes:      {string.Join(", ", await client.ManagementRealms.GetNodesAsync(cancellationToken))}");
        }
        catch (CfcNotSupportedException e)
        {
            // The master lists nodes per management realm only; the exception says so (shown below).
            Say($"paired nodes:      not on this server's global realm ({e.Instead})");
        }

        Step($"Connecting to management realm {realm} and looking at the node");
        await using (CfcClient mrealm = await CfcClient.ConnectAsync(new CfcClientOptions
        {
            Url = url,
            Realm = realm,
            Authenticator = CfcAuthenticator.Cryptosign(key, authId),
            UriScheme = client.UriScheme,
        }, cancellationToken))
        {
            Say($"nodes of {realm}: {string.Join(", ", await mrealm.ManagementRealm.GetNodesAsync(cancellationToken))}");
            try
            {
                IReadOnlyList<string> workers = await mrealm.RemoteNode.GetWorkersAsync(nodeId, cancellationToken);
                Say($"workers of {nodeId}: {string.Join(", ", workers)}");
                foreach (string worker in workers)
                {
                    WorkerInfo w = await mrealm.RemoteNode.GetWorkerAsync(nodeId, worker, cancellationToken);
                    Say($"  {worker}: type {w.Type}, status {w.Status}, pid {w.Pid}");
                }
            }
            catch (CfcException e) when (!simulatedNodes)
            {
                // A node paired with a fresh key never connects to a real CFC, so it cannot answer.
                Say($"node {nodeId} does not answer (it is not running): {e.ErrorUri}");
            }
        }

        Step("Waiting for a heartbeat (OnTick)");
        if (await Task.WhenAny(tick.Task, Task.Delay(EventWait, cancellationToken)) != tick.Task)
        {
            Say("no tick arrived yet (CFC ticks every 5 seconds)");
        }

        Step("Cleaning up: unpairing the node and deleting the realm");
        await client.ManagementRealms.UnpairNodeAsync(nodeKey.PublicKeyHex, cancellationToken);
        try
        {
            RealmDeleted gone = await client.ManagementRealms.DeleteRealmAsync(realm, cascade: true, cancellationToken);
            Say($"deleted {gone.Name}");
            await Task.WhenAny(deleted.Task, Task.Delay(EventWait, cancellationToken));
        }
        catch (CfcException e) when (client.UriScheme == CfcUriScheme.CrossbarMaster && e.ErrorUri == "wamp.error.runtime_error")
        {
            // crossbar v22.6.1 cannot delete management realms; the exception explains it.
            Say($"the realm stays: {e.Message}");
        }
        Step("Done.");
    }

    private void Step(string text) => Write($"==> {text}");

    private void Say(string text) => Write($"    {text}");

    private void Event(string text) => Write($"    [event] {text}");

    // Events arrive on other threads; one lock keeps lines whole.
    private void Write(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}

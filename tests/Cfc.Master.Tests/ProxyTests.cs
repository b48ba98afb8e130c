using System.Net.Sockets;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>A proxy worker on the edge and its listening transports, through the remote proxy API.</summary>
[Collection(MasterCollection.Name)]
public sealed class ProxyTests(CrossbarMasterKit kit)
{
    private string Edge => kit.EdgeAuthId;

    [Theory]
    [MemberData(nameof(MasterClients.Serializers), MemberType = typeof(MasterClients))]
    public async Task A_proxy_worker_starts_a_listening_transport_which_ends_with_the_worker(string serializer)
    {
        await using CfcClient client = await MasterClients.ConnectAsync(kit, kit.EdgeManagementRealm, serializer);
        string worker = $"px-{serializer}";
        int port = FreePort.Next();
        await client.RemoteNode.StartWorkerAsync(Edge, worker, EdgeConfigs.Worker("proxy"));
        bool stopped = false;
        try
        {
            Assert.Equal("proxy", (await client.RemoteNode.GetWorkerAsync(Edge, worker)).Type);
            Assert.Equal(0, (await client.RemoteProxy.GetProxyTransportsAsync(Edge, worker)).GetArrayLength());

            ProxyTransportStarted started = await client.RemoteProxy.StartProxyTransportAsync(Edge, worker, "web1", EdgeConfigs.WebTransport(port));
            Assert.Equal("web1", started.Id);
            Assert.True(await AcceptsAsync(port), $"the proxy transport does not listen on port {port}");
            Assert.Equal(["web1"], (await client.RemoteProxy.GetProxyTransportsAsync(Edge, worker)).EnumerateArray().Select(t => t.GetString()));
            ProxyTransport transport = await client.RemoteProxy.GetProxyTransportAsync(Edge, worker, "web1");
            Assert.Equal(("web1", "web"), (transport.Id, transport.Type));
            Assert.Equal(port, transport.Config!.Value.GetProperty("endpoint").GetProperty("port").GetInt32());
            Assert.NotNull(transport.CreatedAt);
            Assert.True(transport.ListeningSince >= transport.CreatedAt, $"listening since {transport.ListeningSince}, created {transport.CreatedAt}");
            await Assert.ThrowsAsync<CfcNotFoundException>(() => client.RemoteProxy.GetProxyTransportAsync(Edge, worker, "nope"));

            // crossbar cannot stop a proxy transport: refused before the wire; stopping the worker closes it
            CfcNotSupportedException stop = await Assert.ThrowsAsync<CfcNotSupportedException>(() => client.RemoteProxy.StopProxyTransportAsync(Edge, worker, "web1"));
            Assert.Contains("RemoteNode.StopWorkerAsync", stop.Message, StringComparison.Ordinal);
            await client.RemoteNode.StopWorkerAsync(Edge, worker);
            stopped = true;
            await WaitUntilClosedAsync(port);
        }
        finally
        {
            if (!stopped)
            {
                await client.RemoteNode.StopWorkerAsync(Edge, worker);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await tcp.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // The worker's process ends shortly after stop_worker answered.
    private static async Task WaitUntilClosedAsync(int port)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        while (await AcceptsAsync(port))
        {
            await Task.Delay(100, timeout.Token);
        }
    }
}

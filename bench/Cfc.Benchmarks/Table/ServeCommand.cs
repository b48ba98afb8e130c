using Cfc.Wamp.Router;
using Cfc.Wamp;

namespace Cfc.Benchmarks.Table;

/// <summary>
/// The far side of the table's own rows, in a process of its own so that the measuring process holds only the
/// caller: the floor's echo server, our router on a free loopback port, and one callee per serializer that
/// registers <c>bench.echo.&lt;serializer&gt;</c>. Prints <c>ECHO=</c>, <c>ROUTER=</c> and <c>READY</c>; runs until
/// its standard input closes.
/// </summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync()
    {
        await using EchoServer echo = await EchoServer.StartAsync();
        await using WampRouterHost router = await WampRouterHost.StartNewAsync();
        var callees = new List<WampClient>();
        foreach (WampSerializer serializer in TableRun.Serializers)
        {
            WampClient callee = await WampClient.ConnectAsync(new WampClientOptions
            {
                Url = router.Url,
                Realm = BenchRouter.Realm,
                Serializers = [serializer],
                KeepAliveInterval = TimeSpan.Zero,
            });
            await callee.RegisterAsync(TableRun.EchoProcedure(serializer), static (invocation, _) => ValueTask.FromResult(invocation.Payload), BenchPayloads.EchoRegistration);
            callees.Add(callee);
        }

        Console.WriteLine("ECHO=" + echo.Url);
        Console.WriteLine("ROUTER=" + router.Url);
        Console.WriteLine("READY");
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();

        foreach (WampClient callee in callees)
        {
            await callee.DisposeAsync();
        }

        return 0;
    }
}

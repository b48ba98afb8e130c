using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Tests.Transport;

/// <summary>A Kestrel app on 127.0.0.1:0 whose /ws endpoint hands each accepted WebSocket to the test.</summary>
internal sealed class WebSocketTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebSocketTestServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>The subprotocols the last client offered, in its order.</summary>
    public IReadOnlyList<string> LastOffered { get; private set; } = [];

    /// <summary>Starts a server.</summary>
    /// <param name="chooseSubProtocol">Picks the subprotocol from the offered ones (null = none).</param>
    /// <param name="handle">Runs with the accepted socket; the request ends when it returns.</param>
    public static async Task<WebSocketTestServer> StartAsync(Func<IReadOnlyList<string>, string?> chooseSubProtocol, Func<WebSocket, Task> handle)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        WebSocketTestServer? server = null;
        app.UseWebSockets();
        app.Map("/ws", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest)
            {
                context.Response.StatusCode = 400;
                return;
            }

            IReadOnlyList<string> offered = context.WebSockets.WebSocketRequestedProtocols.ToArray();
            server!.LastOffered = offered;
            using WebSocket socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = chooseSubProtocol(offered) });
            await handle(socket);
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new WebSocketTestServer(app, new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ws"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}

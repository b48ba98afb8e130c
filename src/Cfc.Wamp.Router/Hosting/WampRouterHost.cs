using System.Net;
using Cfc.Wamp.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Router;

/// <summary>Settings of a <see cref="WampRouterHost"/>.</summary>
public sealed class WampRouterHostOptions
{
    /// <summary>The TCP port on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The HTTP path of the WebSocket endpoint. Default <c>/ws</c>.</summary>
    public string Path { get; init; } = "/ws";

    /// <summary>The largest WAMP message accepted, in bytes. Default 16 MiB.</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// The TCP port of a WAMP RawSocket listener on 127.0.0.1 (json, msgpack and cbor); 0 picks a free one.
    /// Default: <see langword="null"/>, no RawSocket listener.
    /// </summary>
    public int? RawSocketPort { get; init; }
}

/// <summary>
/// Serves a <see cref="WampRouter"/> over WebSocket on Kestrel, bound to 127.0.0.1. Subprotocols
/// <c>wamp.2.json</c>, <c>wamp.2.cbor</c> and <c>wamp.2.msgpack</c> are offered; the first one the client
/// lists that the router supports is used, and a client offering none is refused (HTTP 400).
/// Kestrel logs nowhere unless <see cref="WampRouterOptions.LoggerFactory"/> is set.
/// </summary>
public sealed class WampRouterHost : IAsyncDisposable
{
    private readonly WampRouterHostOptions _options;
    private WebApplication? _app;
    private RawSocketListener? _rawSocket;
    private Uri? _url;

    /// <summary>Creates a host; call <see cref="StartAsync"/> to listen.</summary>
    /// <param name="router">The router to serve; <see langword="null"/> creates one with default options. The host disposes it.</param>
    /// <param name="options">Port, path and limits; <see langword="null"/> for the defaults.</param>
    public WampRouterHost(WampRouter? router = null, WampRouterHostOptions? options = null)
    {
        Router = router ?? new WampRouter();
        _options = options ?? new WampRouterHostOptions();
    }

    /// <summary>The router being served (realms, authentication, fault injection).</summary>
    public WampRouter Router { get; }

    /// <summary>The WebSocket address, e.g. <c>ws://127.0.0.1:54321/ws</c>.</summary>
    /// <exception cref="InvalidOperationException">The host is not started.</exception>
    public Uri Url => _url ?? throw new InvalidOperationException("The router host is not started.");

    /// <summary>The RawSocket address, e.g. <c>rs://127.0.0.1:54322</c>, when <see cref="WampRouterHostOptions.RawSocketPort"/> is set.</summary>
    /// <exception cref="InvalidOperationException">The host is not started or has no RawSocket listener.</exception>
    public Uri RawSocketUrl => _rawSocket is { } raw
        ? new Uri($"rs://127.0.0.1:{raw.Port}")
        : throw new InvalidOperationException("The router host has no RawSocket listener (set WampRouterHostOptions.RawSocketPort) or is not started.");

    /// <summary>Creates, starts and returns a host in one step.</summary>
    /// <param name="routerOptions">Router settings; <see langword="null"/> for the defaults.</param>
    /// <param name="hostOptions">Host settings; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started host.</returns>
    public static async Task<WampRouterHost> StartNewAsync(WampRouterOptions? routerOptions = null, WampRouterHostOptions? hostOptions = null, CancellationToken cancellationToken = default)
    {
        var host = new WampRouterHost(new WampRouter(routerOptions), hostOptions);
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts Kestrel and fills in <see cref="Url"/>.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>A task that completes when the host listens.</returns>
    /// <exception cref="InvalidOperationException">The host was already started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The router host was already started.");
        }

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(WampRouterHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });

        // Quiet by default: no console logging from Kestrel or the host unless a logger factory is given, and then
        // only the host's warnings and errors (its Information lines are the fake's business, not the app's).
        builder.Logging.ClearProviders();
        if (Router.Options.LoggerFactory is { } loggerFactory)
        {
            builder.Services.AddSingleton<ILoggerFactory>(new HostLoggerFactory(loggerFactory));
        }

        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, _options.Port));

        WebApplication app = builder.Build();
        app.UseWebSockets();
        app.Run(HandleAsync);
        _app = app;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var http = new Uri(address);
        _url = new UriBuilder("ws", "127.0.0.1", http.Port, _options.Path).Uri;

        if (_options.RawSocketPort is { } rawPort)
        {
            _rawSocket = new RawSocketListener(Router, rawPort, _options.MaxMessageSize);
            _rawSocket.Start();
        }
    }

    // How long DisposeAsync lets Kestrel finish requests still in flight (real time, as the sessions' CloseTimeout): the
    // WAMP sessions have ended by then; only stray HTTP requests are cut.
    private static readonly TimeSpan KestrelStopTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Ends every session (GOODBYE <c>wamp.close.system_shutdown</c>), then stops Kestrel.</summary>
    /// <returns>A task that completes when everything is stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_rawSocket is { } raw)
        {
            _rawSocket = null;
            await raw.DisposeAsync().ConfigureAwait(false);
        }

        await Router.DisposeAsync().ConfigureAwait(false);
        if (_app is { } app)
        {
            _app = null;
            using var timeout = new CancellationTokenSource(KestrelStopTimeout);
            await app.StopAsync(timeout.Token).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Path.Value, _options.Path, StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
            return;
        }

        if (Router.IsRefusingConnections)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        // The client lists subprotocols in order of preference; take the first one we speak.
        WampSerializer? kind = context.WebSockets.WebSocketRequestedProtocols
            .Select(WampSerializerIds.FromSubProtocol)
            .FirstOrDefault(s => s is not null);
        if (kind is not { } serializer)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { SubProtocol = WampSerializerIds.SubProtocol(serializer) }).ConfigureAwait(false);
        var transport = new WebSocketTransport(socket, _options.MaxMessageSize);
        await Router.AcceptCoreAsync(transport, serializer, "websocket", context.RequestAborted).ConfigureAwait(false);
    }
}

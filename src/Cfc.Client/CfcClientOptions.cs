using System.Net.WebSockets;
using Cfc.Wamp;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;

namespace Cfc.Client;

/// <summary>
/// Everything <see cref="CfcClient.ConnectAsync(CfcClientOptions, CancellationToken)"/> needs. Immutable; change a copy with <c>with</c>.
/// <see cref="Validate"/> runs at connect and says what to fix.
/// </summary>
public sealed record CfcClientOptions
{
    /// <summary>The CFC address, e.g. <c>ws://127.0.0.1:9000/ws</c> or <c>wss://master.example.com/ws</c>. Required.</summary>
    public Uri? Url { get; init; }

    /// <summary>The realm to join: <see cref="CfcRealms.Global"/> (the default) or a management realm's name.</summary>
    public string Realm { get; init; } = CfcRealms.Global;

    /// <summary>How to authenticate. Default: <see cref="CfcAuthenticator.Anonymous"/> (CFC itself requires cryptosign).</summary>
    public CfcAuthenticator Authenticator { get; init; } = CfcAuthenticator.Anonymous;

    /// <summary>The serializer. Default: <see cref="WampSerializer.Json"/>.</summary>
    public WampSerializer Serializer { get; init; } = WampSerializer.Json;

    /// <summary>Which URI table to use. Default: <see cref="CfcUriScheme.Fabric"/>.</summary>
    public CfcUriScheme UriScheme { get; init; } = CfcUriScheme.Fabric;

    /// <summary>How long opening the connection and session may take. Default: 15 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a call may wait for its result. Default: 60 seconds. <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long subscribe and other requests may wait for the router. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to ping the router. Default: 10 seconds (CFC's own auto-ping period). <see cref="TimeSpan.Zero"/> turns pings off.</summary>
    /// <remarks>
    /// A connection that dies silently is detected within <see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/>
    /// (15 seconds by default); then the client reconnects (with <see cref="Reconnect"/>) or ends.
    /// </remarks>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a ping may go unanswered before the connection counts as dead. Default: 5 seconds.</summary>
    /// <remarks>A dead connection is detected within <see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/> (15 seconds by default).</remarks>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reconnect behaviour. Default: on, with autobahn's backoff (first retry after about 1.5 s, each delay 1.5 times
    /// the last, at most 300 s, 10 % jitter); every subscription (event stream) and registration is restored on the
    /// new session. It stops on an authentication failure and on a deliberate ABORT or GOODBYE of the server. The first
    /// <c>CfcClient.ConnectAsync</c> still fails fast when the server cannot be reached.
    /// <c>Reconnect = null</c> turns it off: the client then ends in <see cref="CfcConnectionState.Disconnected"/> when
    /// the connection is lost. See docs/connection-resilience.md.
    /// </summary>
    public WampReconnectOptions? Reconnect { get; init; } = new();

    /// <summary>
    /// How long <see cref="CfcClient.DisposeAsync"/> (and so <c>await using</c>) may take, whatever the connection does
    /// (a server that never answers GOODBYE, a connection that drops during it, a peer that stopped reading).
    /// Default: 2 seconds, well inside the Generic Host's shutdown budget.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The bounds of every typed event stream's queue (the events waiting for its observers): at most
    /// <see cref="WampSubscribeOptions.MaxQueuedEvents"/> events and <see cref="WampSubscribeOptions.MaxQueuedEventBytes"/>
    /// bytes per stream, the oldest dropped (counted and logged) when a new event does not fit. Default:
    /// <see langword="null"/>, the WAMP defaults (10,000 events, 16 MiB). Typed streams always match their topic exactly,
    /// so <see cref="WampSubscribeOptions.Match"/> must stay <see cref="WampMatch.Exact"/>.
    /// </summary>
    public WampSubscribeOptions? EventQueue { get; init; }

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Default: none.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }

    /// <summary>TLS for <c>wss://</c> and <c>rss://</c>: trusted roots, a validation callback, client certificates. Default: <see langword="null"/> (system roots). See docs/security.md.</summary>
    public WampTlsOptions? Tls { get; init; }

    /// <summary>Whether an HTTP redirect answering the WebSocket upgrade is followed (never to another host with credentials, never out of TLS). Default: <see langword="false"/>.</summary>
    public bool AllowRedirects { get; init; }

    /// <summary>Opens transports. Default: <see langword="null"/>, the built-in WebSocket and RawSocket transports; tests plug in-process ones here.</summary>
    public IWampTransportFactory? TransportFactory { get; init; }

    /// <summary>Where logs go. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for timeouts, keep-alive and backoff. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> that says what to fix.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Url is null)
        {
            throw new ArgumentException("CfcClientOptions.Url is required, e.g. new Uri(\"ws://127.0.0.1:9000/ws\").", nameof(Url));
        }

        if (string.IsNullOrWhiteSpace(Realm))
        {
            throw new ArgumentException($"CfcClientOptions.Realm must name a realm: CfcRealms.Global (\"{CfcRealms.Global}\") or a management realm.", nameof(Realm));
        }

        if (Authenticator is null)
        {
            throw new ArgumentException("CfcClientOptions.Authenticator must not be null; use CfcAuthenticator.Cryptosign(key, authId) for CFC, or CfcAuthenticator.Anonymous.", nameof(Authenticator));
        }

        if (EventQueue is { Match: not WampMatch.Exact })
        {
            throw new ArgumentException($"CfcClientOptions.EventQueue.Match is {EventQueue.Match}; typed event streams match their topic exactly, so leave Match at WampMatch.Exact (only the queue bounds apply).", nameof(EventQueue));
        }

        if (!Enum.IsDefined(Serializer))
        {
            throw new ArgumentException($"CfcClientOptions.Serializer {Serializer} is not a serializer; use WampSerializer.Json, Cbor or MessagePack.", nameof(Serializer));
        }

        if (!Enum.IsDefined(UriScheme))
        {
            throw new ArgumentException($"CfcClientOptions.UriScheme {UriScheme} is not a scheme; use CfcUriScheme.Fabric, Legacy, CrossbarMaster or Auto.", nameof(UriScheme));
        }

        try
        {
            ToWampClientOptions().Validate();
        }
        catch (ArgumentException ex)
        {
            // Say it in the caller's terms: the option they set is on CfcClientOptions.
            // ArgumentException.Message already ends with " (Parameter 'X')"; the new exception adds it again.
            string message = ex.ParamName is { } name && ex.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
                ? ex.Message[..^$" (Parameter '{name}')".Length]
                : ex.Message;
            throw new ArgumentException(message.Replace("WampClientOptions.", "CfcClientOptions.", StringComparison.Ordinal), ex.ParamName, ex);
        }
    }

    /// <summary>Builds the WAMP core's options.</summary>
    /// <returns>The options.</returns>
    internal WampClientOptions ToWampClientOptions() => new()
    {
        Url = Url,
        Realm = Realm,
        Serializers = [Serializer],
        Authenticator = Authenticator.ToWampAuthenticator(),
        ConnectTimeout = ConnectTimeout,
        CallTimeout = CallTimeout,
        RequestTimeout = RequestTimeout,
        KeepAliveInterval = KeepAliveInterval,
        KeepAliveTimeout = KeepAliveTimeout,
        Reconnect = Reconnect,
        CloseTimeout = CloseTimeout,
        ConfigureWebSocket = ConfigureWebSocket,
        Tls = Tls,
        AllowRedirects = AllowRedirects,
        TransportFactory = TransportFactory,
        LoggerFactory = LoggerFactory,
        TimeProvider = TimeProvider,
        Agent = "Cfc.Client/" + typeof(CfcClientOptions).Assembly.GetName().Version?.ToString(3),
    };
}

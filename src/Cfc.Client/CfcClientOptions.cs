using Cfc.Wamp;

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

    /// <summary>
    /// Which URI table to use. Default: <see cref="CfcUriScheme.Auto"/>: the client finds out at connect whether the server
    /// is a Crossbar.io master node or speaks the documents' <c>crossbarfabriccenter.*</c> or <c>cfc.*</c> API (one round of
    /// probe calls, sent together, after joining) and says which in <c>CfcClient.UriScheme</c>. Name the scheme to skip that
    /// round trip.
    /// </summary>
    public CfcUriScheme UriScheme { get; init; } = CfcUriScheme.Auto;

    /// <summary>
    /// How the connection behaves: timeouts, keep-alive, reconnect, close, TLS, transport hooks, logging and the clock.
    /// Default: <c>new WampConnectionOptions()</c>, whose values are documented on <see cref="WampConnectionOptions.Defaults"/>
    /// (reconnect is on). Change a setting with
    /// <c>Connection = new() { CallTimeout = TimeSpan.FromMinutes(5) }</c>, or <c>options with { Connection = options.Connection with { ... } }</c>.
    /// </summary>
    /// <remarks>
    /// Reconnect restores every subscription (event stream) and registration on the new session, stops on an
    /// authentication failure and on a deliberate ABORT or GOODBYE of the server, and leaves the first
    /// <c>CfcClient.ConnectAsync</c> failing fast; <c>Reconnect = null</c> turns it off, and the client then ends in
    /// <see cref="CfcConnectionState.Disconnected"/> when the connection is lost. See docs/connection-resilience.md.
    /// </remarks>
    public WampConnectionOptions Connection { get; init; } = new();

    /// <summary>
    /// The bounds of every typed event stream's queue (the events waiting for its observers): at most
    /// <see cref="WampSubscribeOptions.MaxQueuedEvents"/> events and <see cref="WampSubscribeOptions.MaxQueuedEventBytes"/>
    /// bytes per stream, the oldest dropped (counted and logged) when a new event does not fit. Default:
    /// <see langword="null"/>, the WAMP defaults (10,000 events, 16 MiB). Typed streams always match their topic exactly,
    /// so <see cref="WampSubscribeOptions.Match"/> must stay <see cref="WampMatch.Exact"/>.
    /// </summary>
    public WampSubscribeOptions? EventQueue { get; init; }

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

        if (Connection is null)
        {
            throw new ArgumentException("CfcClientOptions.Connection must not be null; leave it out for the defaults, or set new WampConnectionOptions { ... }.", nameof(Connection));
        }

        if (!Url.IsAbsoluteUri || Url.Scheme is not ("ws" or "wss" or "rs" or "rss" or "tcp"))
        {
            throw new ArgumentException($"CfcClientOptions.Url '{Url}' must be an absolute ws://, wss://, rs://, rss:// or tcp:// address.", nameof(Url));
        }

        Connection.ValidateConnection("CfcClientOptions.Connection");
    }

    /// <summary>Builds the WAMP core's options.</summary>
    /// <returns>The options.</returns>
    internal WampClientOptions ToWampClientOptions() => new(Connection)
    {
        Url = Url,
        Realm = Realm,
        Serializers = [Serializer],
        Authenticator = Authenticator.ToWampAuthenticator(),
        Agent = "Cfc.Client/" + typeof(CfcClientOptions).Assembly.GetName().Version?.ToString(3),
    };
}

using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Polly;

namespace Cfc.Wamp;

/// <summary>
/// Everything a <see cref="WampClient"/> needs to connect. Immutable; change a copy with <c>with</c>.
/// <see cref="Validate"/> runs at connect and says what to fix.
/// </summary>
public sealed record WampClientOptions
{
    /// <summary>The most CHALLENGE messages one handshake answers (8); more is a protocol violation. Routers send one.</summary>
    public const int MaxChallengeRounds = 8;

    /// <summary>The router's address: <c>ws://</c> or <c>wss://</c> (WebSocket), <c>rs://</c>, <c>rss://</c> or <c>tcp://</c> (RawSocket). Required.</summary>
    public Uri? Url { get; init; }

    /// <summary>The realm to join. Required.</summary>
    public string? Realm { get; init; }

    /// <summary>The serializers to offer, most preferred first. Default: JSON only.</summary>
    public IReadOnlyList<WampSerializer> Serializers { get; init; } = [WampSerializer.Json];

    /// <summary>How to authenticate. Default: <see cref="WampAuthenticator.Anonymous"/>.</summary>
    public WampAuthenticator Authenticator { get; init; } = WampAuthenticator.Anonymous;

    /// <summary>How long opening the transport and the session (HELLO to WELCOME) may take. Default: 15 seconds.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a call may wait for its final result when the call sets no timeout. Default: 60 seconds. <see cref="Timeout.InfiniteTimeSpan"/> turns it off.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long other requests (subscribe, register, acknowledged publish, GOODBYE) may wait for the router. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The CANCEL mode for cancelled or timed-out calls. Default: <see cref="WampCancelMode.KillNoWait"/>.</summary>
    public WampCancelMode CancelMode { get; init; } = WampCancelMode.KillNoWait;

    /// <summary>How often to ping the router. Default: 10 seconds. <see cref="TimeSpan.Zero"/> turns pings off.</summary>
    /// <remarks>
    /// A connection that dies silently is detected within <see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/>
    /// (15 seconds by default); then the client reconnects (with <see cref="Reconnect"/>) or ends.
    /// </remarks>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a ping may go unanswered before the connection is considered dead. Default: 5 seconds.</summary>
    /// <remarks>A dead connection is detected within <see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/> (15 seconds by default).</remarks>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest message sent or accepted, in bytes. Default: 16 MiB.</summary>
    public int MaxMessageSize { get; init; } = 16 * 1024 * 1024;

    /// <summary>
    /// How many messages the router provoked on its own (ERROR answers to INVOCATIONs for unknown registrations or over
    /// a registration's <see cref="WampRegisterOptions.MaxConcurrentInvocations"/>) may wait to be written. Default: 1,000.
    /// </summary>
    /// <remarks>
    /// A router that keeps sending while it does not read would otherwise make the client queue answers without end.
    /// Past the bound such answers are dropped, counted and logged (event id 1021). CANCELs are never dropped: there is
    /// at most one per call the application made.
    /// </remarks>
    public int MaxQueuedControlMessages { get; init; } = 1_000;

    /// <summary>
    /// How many outgoing messages may wait in the session's write queue. Default: 1,024.
    /// </summary>
    /// <remarks>
    /// Every message a session sends goes through one queue and one writer. When the connection takes data more slowly
    /// than the application sends, the queue fills up to this bound; then a call, subscribe, publish or other send waits
    /// for room (its timeout and cancellation token still run, and one given up while it waits is never written), and a
    /// message the router provoked on its own is dropped (see <see cref="MaxQueuedControlMessages"/>).
    /// </remarks>
    public int MaxQueuedMessages { get; init; } = 1_024;

    /// <summary>The agent string sent in HELLO. Default: <c>Cfc.Wamp</c> and its version.</summary>
    public string Agent { get; init; } = "Cfc.Wamp/" + typeof(WampClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Default: none.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }

    /// <summary>TLS for <c>wss://</c> and <c>rss://</c> alike: trusted roots (a private CA), a server certificate validation callback, client certificates. Default: <see langword="null"/> (system roots, no client certificate).</summary>
    public Transport.WampTlsOptions? Tls { get; init; }

    /// <summary>
    /// Whether an HTTP redirect answering the WebSocket upgrade is followed. Default: <see langword="false"/>: the
    /// connect fails and says where the router pointed. When on, at most 5 redirects are followed, never from
    /// <c>wss://</c> to <c>ws://</c>, and never to another host when the connection carries credentials (any
    /// authenticator but anonymous, <see cref="ConfigureWebSocket"/>, or client certificates).
    /// </summary>
    public bool AllowRedirects { get; init; }

    /// <summary>Opens transports. Default: <see langword="null"/>, the built-in WebSocket and RawSocket transports. Tests and in-process peers plug their own here.</summary>
    public Transport.IWampTransportFactory? TransportFactory { get; init; }

    /// <summary>Where logs go. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for timeouts, keep-alive and backoff. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Reconnect behaviour. Default: on, with autobahn's backoff (first retry after about 1.5 s, each delay 1.5 times
    /// the last, at most 300 s, 10 % jitter); subscriptions and registrations are restored on the new session. It stops
    /// on an authentication failure and on a deliberate ABORT or GOODBYE of the router. The first connect still fails
    /// fast (see <see cref="WampReconnectOptions.RetryFirstConnect"/>). <c>Reconnect = null</c> turns it off: the client
    /// then ends in <see cref="WampConnectionState.Disconnected"/> when the connection is lost.
    /// </summary>
    public WampReconnectOptions? Reconnect { get; init; } = new();

    /// <summary>
    /// How long <see cref="WampClient.DisposeAsync"/> (and so <c>await using</c>) may take, whatever the connection does:
    /// a router that never answers GOODBYE, a connection that drops during it, a peer that stopped reading. When it
    /// runs out, the session is abandoned (the transport is closed in the background). Default: 2 seconds.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long each step of ending a session may take: sending the last word (an ABORT, or the reply to the router's
    /// GOODBYE), closing the transport, and releasing it; a connection that failed to open gets the same to close.
    /// Default: 5 seconds, and never more than <see cref="RequestTimeout"/>.
    /// </summary>
    /// <remarks>
    /// The steps follow each other, so a session has ended at most three grace periods after the connection was lost;
    /// the reconnect loop waits that long for the old session before it restores subscriptions and registrations on a
    /// new one, and a close waits two of them for the reader loop to stop.
    /// </remarks>
    public TimeSpan CloseGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long <see cref="WampClient.CloseAsync"/> and <see cref="WampClient.DisposeAsync"/> wait for a reconnect
    /// attempt under way to stop once it was told to. An attempt stuck in a transport that ignores cancellation is left
    /// behind; it finds the client stopped when it returns. Default: 10 seconds.
    /// </summary>
    public TimeSpan ReconnectStopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> that says what to fix.</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public void Validate()
    {
        if (Url is null)
        {
            throw new ArgumentException("WampClientOptions.Url is required, e.g. ws://127.0.0.1:8080/ws.", nameof(Url));
        }

        if (!Url.IsAbsoluteUri || Url.Scheme is not ("ws" or "wss" or "rs" or "rss" or "tcp"))
        {
            throw new ArgumentException($"WampClientOptions.Url '{Url}' must be an absolute ws://, wss://, rs://, rss:// or tcp:// address.", nameof(Url));
        }

        if (string.IsNullOrWhiteSpace(Realm))
        {
            throw new ArgumentException("WampClientOptions.Realm is required: the name of the realm to join.", nameof(Realm));
        }

        if (Serializers is null || Serializers.Count == 0)
        {
            throw new ArgumentException("WampClientOptions.Serializers must name at least one serializer.", nameof(Serializers));
        }

        if (Serializers.Distinct().Count() != Serializers.Count)
        {
            throw new ArgumentException("WampClientOptions.Serializers lists a serializer twice.", nameof(Serializers));
        }

        if (Authenticator is null)
        {
            throw new ArgumentException("WampClientOptions.Authenticator is required; use WampAuthenticator.Anonymous for none.", nameof(Authenticator));
        }

        Positive(ConnectTimeout, nameof(ConnectTimeout));
        PositiveOrInfinite(CallTimeout, nameof(CallTimeout));
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(CloseTimeout, nameof(CloseTimeout));
        Positive(CloseGrace, nameof(CloseGrace));
        Positive(ReconnectStopTimeout, nameof(ReconnectStopTimeout));
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"WampClientOptions.KeepAliveInterval must be zero (off) or positive, not {KeepAliveInterval}.", nameof(KeepAliveInterval));
        }

        Positive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        if (MaxMessageSize is < 512 or > 16 * 1024 * 1024)
        {
            throw new ArgumentException($"WampClientOptions.MaxMessageSize must be between 512 bytes and 16 MiB, not {MaxMessageSize}.", nameof(MaxMessageSize));
        }

        if (MaxQueuedMessages <= 0)
        {
            throw new ArgumentException($"WampClientOptions.MaxQueuedMessages must be positive, not {MaxQueuedMessages}.", nameof(MaxQueuedMessages));
        }

        if (MaxQueuedControlMessages <= 0)
        {
            throw new ArgumentException($"WampClientOptions.MaxQueuedControlMessages must be positive, not {MaxQueuedControlMessages}.", nameof(MaxQueuedControlMessages));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("WampClientOptions.TimeProvider must not be null.", nameof(TimeProvider));
        }

        Reconnect?.Validate();
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"WampClientOptions.{name} must be positive, not {value}.", name);
        }
    }

    private static void PositiveOrInfinite(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException($"WampClientOptions.{name} must be positive or Timeout.InfiniteTimeSpan, not {value}.", name);
        }
    }
}

/// <summary>
/// Reconnect behaviour: exponential backoff with jitter, with the defaults of autobahn
/// (first retry after 1.5 s, growth 1.5, at most 300 s, jitter 0.1), or a Polly pipeline of one's own.
/// See docs/connection-resilience.md.
/// </summary>
public sealed record WampReconnectOptions
{
    /// <summary>
    /// A Polly pipeline that runs the reconnect attempts. When set it replaces the built-in backoff:
    /// <see cref="InitialDelay"/>, <see cref="DelayGrowth"/>, <see cref="MaxDelay"/>, <see cref="Jitter"/> and
    /// <see cref="MaxAttempts"/> are then ignored, and the first attempt after a loss runs at once (add the delays
    /// you want to your retry strategy). Each attempt is one execution of the pipeline's callback (open the
    /// transport, join, restore); an attempt that fails throws, and the pipeline decides whether and when to try
    /// again. An authentication failure is returned as a result, not thrown, so a retry strategy that handles
    /// exceptions never retries it. When the pipeline gives up (throws), the client ends in
    /// <see cref="WampConnectionState.Failed"/>. Default: <see langword="null"/> (the built-in backoff).
    /// </summary>
    public ResiliencePipeline? Pipeline { get; init; }

    /// <summary>The delay before the first retry. Default: 1.5 seconds.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>The factor by which the delay grows after each failed attempt. Default: 1.5.</summary>
    public double DelayGrowth { get; init; } = 1.5;

    /// <summary>The longest delay between attempts. Default: 300 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The jitter, as a fraction of the delay. Default: 0.1.</summary>
    public double Jitter { get; init; } = 0.1;

    /// <summary>How many attempts in a row (per outage, counted from 1 and reset by a successful reconnect) before giving up
    /// (<see cref="WampConnectionState.Failed"/>); <see langword="null"/> retries forever. Default: <see langword="null"/>.</summary>
    public int? MaxAttempts { get; init; }

    /// <summary>Whether a failed first connect is retried too (with the same backoff; the first attempt runs at once).
    /// <c>ConnectAsync</c> then returns when a session is open, throws when the attempts are used up or authentication
    /// is refused, and honours its token. Default: <see langword="false"/> (the first connect throws).</summary>
    public bool RetryFirstConnect { get; init; }

    /// <summary>
    /// How long a session must last to count as stable. Default: 30 seconds. A session that ends sooner (a router that
    /// accepts and drops at once) does not start the backoff over: the next outage's first delay continues where the
    /// previous one left off (flap damping), so such a router is retried ever more slowly, up to <see cref="MaxDelay"/>,
    /// instead of every <see cref="InitialDelay"/> forever. Applies to the built-in backoff (not to a <see cref="Pipeline"/>).
    /// </summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long calls, publishes, subscribes and registers made while reconnecting wait for the new session
    /// (its subscriptions and registrations restored) before failing with <see cref="WampTimeoutException"/>. Default: 30 seconds.</summary>
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw new ArgumentException($"WampReconnectOptions: InitialDelay ({InitialDelay}) must be >= 0 and <= MaxDelay ({MaxDelay}).", nameof(InitialDelay));
        }

        if (DelayGrowth < 1.0 || double.IsNaN(DelayGrowth))
        {
            throw new ArgumentException($"WampReconnectOptions.DelayGrowth must be >= 1, not {DelayGrowth}.", nameof(DelayGrowth));
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            throw new ArgumentException($"WampReconnectOptions.Jitter must be between 0 and 1, not {Jitter}.", nameof(Jitter));
        }

        if (MaxAttempts is <= 0)
        {
            throw new ArgumentException($"WampReconnectOptions.MaxAttempts must be positive or null (forever), not {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (StableAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"WampReconnectOptions.StableAfter must be zero (no damping) or positive, not {StableAfter}.", nameof(StableAfter));
        }

        if (QueueTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"WampReconnectOptions.QueueTimeout must be positive, not {QueueTimeout}.", nameof(QueueTimeout));
        }
    }
}

using System.Net.WebSockets;
using Cfc.Wamp.Transport;
using Microsoft.Extensions.Logging;

namespace Cfc.Wamp;

/// <summary>
/// How a connection behaves: timeouts, keep-alive, limits, reconnect, transport hooks, logging and the clock. Immutable;
/// change a copy with <c>with</c>. Every default is one of <see cref="Defaults"/>.
/// </summary>
/// <remarks>
/// These settings are shared by every client built on <c>Cfc.Wamp</c>: <see cref="WampClientOptions"/> derives from this
/// record (so a WAMP user sets them directly beside <see cref="WampClientOptions.Url"/>), and a higher-level client holds
/// one as a property (<c>CfcClientOptions.Connection</c>). Either way the defaults and their checks live only here.
/// </remarks>
public record WampConnectionOptions
{
    /// <summary>How long opening the transport and the session (HELLO to WELCOME) may take. Default: <see cref="Defaults.ConnectTimeout"/>.</summary>
    public TimeSpan ConnectTimeout { get; init; } = Defaults.ConnectTimeout;

    /// <summary>
    /// How long a call may wait for its final result when the call sets no timeout. Default: <see cref="Defaults.CallTimeout"/>.
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns it off.
    /// </summary>
    public TimeSpan CallTimeout { get; init; } = Defaults.CallTimeout;

    /// <summary>How long other requests (subscribe, register, acknowledged publish, GOODBYE) may wait for the router. Default: <see cref="Defaults.RequestTimeout"/>.</summary>
    public TimeSpan RequestTimeout { get; init; } = Defaults.RequestTimeout;

    /// <summary>The CANCEL mode for cancelled or timed-out calls. Default: <see cref="Defaults.CancelMode"/>.</summary>
    public WampCancelMode CancelMode { get; init; } = Defaults.CancelMode;

    /// <summary>How often to ping the router. Default: <see cref="Defaults.KeepAliveInterval"/>. <see cref="TimeSpan.Zero"/> turns pings off.</summary>
    /// <remarks>
    /// A connection that dies silently is detected within <see cref="KeepAliveInterval"/> + <see cref="KeepAliveTimeout"/>;
    /// then the client reconnects (with <see cref="Reconnect"/>) or ends.
    /// </remarks>
    public TimeSpan KeepAliveInterval { get; init; } = Defaults.KeepAliveInterval;

    /// <summary>How long a ping may go unanswered before the connection counts as dead. Default: <see cref="Defaults.KeepAliveTimeout"/>.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = Defaults.KeepAliveTimeout;

    /// <summary>The largest message sent or accepted, in bytes (512 bytes to 16 MiB). Default: <see cref="Defaults.MaxMessageSize"/>.</summary>
    public int MaxMessageSize { get; init; } = Defaults.MaxMessageSize;

    /// <summary>
    /// How many messages the router provoked on its own (ERROR answers to INVOCATIONs for unknown registrations or over
    /// a registration's <see cref="WampRegisterOptions.MaxConcurrentInvocations"/>) may wait to be written.
    /// Default: <see cref="Defaults.MaxQueuedControlMessages"/>.
    /// </summary>
    /// <remarks>
    /// A router that keeps sending while it does not read would otherwise make the client queue answers without end.
    /// Past the bound such answers are dropped, counted and logged (event id 1021). CANCELs are never dropped: there is
    /// at most one per call the application made.
    /// </remarks>
    public int MaxQueuedControlMessages { get; init; } = Defaults.MaxQueuedControlMessages;

    /// <summary>How many outgoing messages may wait in the session's write queue. Default: <see cref="Defaults.MaxQueuedMessages"/>.</summary>
    /// <remarks>
    /// Every message a session sends goes through one queue and one writer. When the connection takes data more slowly
    /// than the application sends, the queue fills up to this bound; then a call, subscribe, publish or other send waits
    /// for room (its timeout and cancellation token still run, and one given up while it waits is never written), and a
    /// message the router provoked on its own is dropped (see <see cref="MaxQueuedControlMessages"/>).
    /// </remarks>
    public int MaxQueuedMessages { get; init; } = Defaults.MaxQueuedMessages;

    /// <summary>
    /// Reconnect behaviour. Default: <see cref="Defaults.Reconnect"/>, on with autobahn's backoff; subscriptions and
    /// registrations are restored on the new session. It stops on an authentication failure and on a deliberate ABORT or
    /// GOODBYE of the router. The first connect still fails fast (see <see cref="WampReconnectOptions.RetryFirstConnect"/>).
    /// <c>Reconnect = null</c> turns it off: the client then ends disconnected when the connection is lost.
    /// See docs/connection-resilience.md.
    /// </summary>
    public WampReconnectOptions? Reconnect { get; init; } = Defaults.Reconnect;

    /// <summary>
    /// How long disposing the client (and so <c>await using</c>) may take, whatever the connection does: a router that
    /// never answers GOODBYE, a connection that drops during it, a peer that stopped reading. When it runs out, the
    /// session is abandoned (the transport is closed in the background). Default: <see cref="Defaults.CloseTimeout"/>.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = Defaults.CloseTimeout;

    /// <summary>
    /// How long each step of ending a session may take: sending the last word (an ABORT, or the reply to the router's
    /// GOODBYE), closing the transport, and releasing it; a connection that failed to open gets the same to close.
    /// Default: <see cref="Defaults.CloseGrace"/>, and never more than <see cref="RequestTimeout"/>.
    /// </summary>
    /// <remarks>
    /// The steps follow each other, so a session has ended at most three grace periods after the connection was lost;
    /// the reconnect loop waits that long for the old session before it restores subscriptions and registrations on a
    /// new one, and a close waits two of them for the reader loop to stop.
    /// </remarks>
    public TimeSpan CloseGrace { get; init; } = Defaults.CloseGrace;

    /// <summary>
    /// How long closing or disposing the client waits for a reconnect attempt under way to stop once it was told to. An
    /// attempt stuck in a transport that ignores cancellation is left behind; it finds the client stopped when it returns.
    /// Default: <see cref="Defaults.ReconnectStopTimeout"/>.
    /// </summary>
    public TimeSpan ReconnectStopTimeout { get; init; } = Defaults.ReconnectStopTimeout;

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Default: none.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; init; }

    /// <summary>
    /// TLS for <c>wss://</c> and <c>rss://</c> alike: trusted roots (a private CA), a server certificate validation callback,
    /// client certificates. Default: <see langword="null"/> (system roots, no client certificate). See docs/security.md.
    /// </summary>
    public WampTlsOptions? Tls { get; init; }

    /// <summary>
    /// Whether an HTTP redirect answering the WebSocket upgrade is followed. Default: <see langword="false"/>: the
    /// connect fails and says where the router pointed. When on, at most 5 redirects are followed, never from
    /// <c>wss://</c> to <c>ws://</c>, and never to another host when the connection carries credentials (any
    /// authenticator but anonymous, <see cref="ConfigureWebSocket"/>, or client certificates).
    /// </summary>
    public bool AllowRedirects { get; init; }

    /// <summary>Opens transports. Default: <see langword="null"/>, the built-in WebSocket and RawSocket transports. Tests and in-process peers plug their own here.</summary>
    public IWampTransportFactory? TransportFactory { get; init; }

    /// <summary>Where logs go. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for timeouts, keep-alive and backoff. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> that names the option to fix (<c>WampConnectionOptions.CallTimeout</c>).</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public virtual void Validate() => ValidateConnection(nameof(WampConnectionOptions));

    /// <summary>
    /// Checks the connection settings; each message names the option by <paramref name="optionPath"/>, the separator and
    /// the option's name, so it reads in the caller's terms: <c>CfcClientOptions.Connection.CallTimeout must be positive</c>
    /// for code, <c>Cfc:CallTimeout must be positive</c> for a configuration section.
    /// </summary>
    /// <param name="optionPath">Where these options sit, e.g. <c>CfcClientOptions.Connection</c> or a configuration path.</param>
    /// <param name="separator">What joins the path and a name: <c>.</c> for code (the default), <c>:</c> for configuration keys.</param>
    /// <exception cref="ArgumentException">An option is missing or out of range; <see cref="ArgumentException.ParamName"/> is the option's name.</exception>
    public void ValidateConnection(string optionPath, string separator = ".")
    {
        ArgumentNullException.ThrowIfNull(optionPath);
        ArgumentNullException.ThrowIfNull(separator);
        string At(string name) => optionPath + separator + name;

        Positive(ConnectTimeout, nameof(ConnectTimeout));
        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw Invalid($"{At(nameof(CallTimeout))} must be positive or Timeout.InfiniteTimeSpan, not {CallTimeout}.", nameof(CallTimeout));
        }

        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(CloseTimeout, nameof(CloseTimeout));
        Positive(CloseGrace, nameof(CloseGrace));
        Positive(ReconnectStopTimeout, nameof(ReconnectStopTimeout));
        if (KeepAliveInterval < TimeSpan.Zero)
        {
            throw Invalid($"{At(nameof(KeepAliveInterval))} must be zero (off) or positive, not {KeepAliveInterval}.", nameof(KeepAliveInterval));
        }

        Positive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        if (MaxMessageSize is < 512 or > Defaults.MaxMessageSize)
        {
            throw Invalid($"{At(nameof(MaxMessageSize))} must be between 512 bytes and 16 MiB, not {MaxMessageSize}.", nameof(MaxMessageSize));
        }

        if (MaxQueuedMessages <= 0)
        {
            throw Invalid($"{At(nameof(MaxQueuedMessages))} must be positive, not {MaxQueuedMessages}.", nameof(MaxQueuedMessages));
        }

        if (MaxQueuedControlMessages <= 0)
        {
            throw Invalid($"{At(nameof(MaxQueuedControlMessages))} must be positive, not {MaxQueuedControlMessages}.", nameof(MaxQueuedControlMessages));
        }

        if (!Enum.IsDefined(CancelMode))
        {
            throw Invalid($"{At(nameof(CancelMode))} {CancelMode} is not a cancel mode; use WampCancelMode.KillNoWait, Kill or Skip.", nameof(CancelMode));
        }

        if (TimeProvider is null)
        {
            throw Invalid($"{At(nameof(TimeProvider))} must not be null; use TimeProvider.System.", nameof(TimeProvider));
        }

        Reconnect?.Validate(At(nameof(Reconnect)), separator);

        void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw Invalid($"{At(name)} must be positive, not {value}.", name);
            }
        }
    }

    // The option's name is the exception's ParamName (the method's own parameters only say where the options sit).
    private static ArgumentException Invalid(string message, string option) => new(message, option);

    /// <summary>
    /// The default of every connection setting, in one place. The properties of <see cref="WampConnectionOptions"/> start
    /// with these values; higher-level options (<c>CfcClientOptions.Connection</c>, the hosting package) use them too.
    /// </summary>
    public static class Defaults
    {
        /// <summary>The largest message: 16 MiB, the most a RawSocket frame can carry.</summary>
        public const int MaxMessageSize = 16 * 1024 * 1024;

        /// <summary>The bound of the queue of answers the router provoked: 1,000 messages.</summary>
        public const int MaxQueuedControlMessages = 1_000;

        /// <summary>The bound of a session's write queue: 1,024 messages.</summary>
        public const int MaxQueuedMessages = 1_024;

        /// <summary>Opening the transport and the session: 15 seconds.</summary>
        public static TimeSpan ConnectTimeout { get; } = TimeSpan.FromSeconds(15);

        /// <summary>A call's final result: 60 seconds.</summary>
        public static TimeSpan CallTimeout { get; } = TimeSpan.FromSeconds(60);

        /// <summary>Subscribe, register, acknowledged publish and GOODBYE: 30 seconds.</summary>
        public static TimeSpan RequestTimeout { get; } = TimeSpan.FromSeconds(30);

        /// <summary>The CANCEL mode: <see cref="WampCancelMode.KillNoWait"/> (the caller is answered at once).</summary>
        public static WampCancelMode CancelMode => WampCancelMode.KillNoWait;

        /// <summary>The ping period: 10 seconds (Crossbar's own auto-ping period).</summary>
        public static TimeSpan KeepAliveInterval { get; } = TimeSpan.FromSeconds(10);

        /// <summary>How long a ping may go unanswered: 5 seconds, so a dead connection is noticed within 15 seconds.</summary>
        public static TimeSpan KeepAliveTimeout { get; } = TimeSpan.FromSeconds(5);

        /// <summary>How long disposing a client may take: 2 seconds, well inside the Generic Host's shutdown budget.</summary>
        public static TimeSpan CloseTimeout { get; } = TimeSpan.FromSeconds(2);

        /// <summary>Each step of ending a session (last word, transport close, release): 5 seconds, capped by the request timeout.</summary>
        public static TimeSpan CloseGrace { get; } = TimeSpan.FromSeconds(5);

        /// <summary>How long a close waits for a reconnect attempt under way to stop: 10 seconds.</summary>
        public static TimeSpan ReconnectStopTimeout { get; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Reconnect on, with autobahn's backoff (first retry after about 1.5 s, each delay 1.5 times the last, at most
        /// 300 s, 10 % jitter, forever); the first connect fails fast. The values are <see cref="WampReconnectOptions"/>'s own defaults.
        /// </summary>
        public static WampReconnectOptions Reconnect { get; } = new();
    }
}

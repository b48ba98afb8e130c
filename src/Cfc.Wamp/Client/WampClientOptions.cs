using Polly;

namespace Cfc.Wamp;

/// <summary>
/// Everything a <see cref="WampClient"/> needs to connect: where (<see cref="Url"/>, <see cref="Realm"/>), how to speak
/// and authenticate, and the connection settings it inherits from <see cref="WampConnectionOptions"/> (timeouts,
/// keep-alive, reconnect; their defaults are <see cref="WampConnectionOptions.Defaults"/>). Immutable; change a copy
/// with <c>with</c>. <see cref="Validate"/> runs at connect and says what to fix.
/// </summary>
public sealed record WampClientOptions : WampConnectionOptions
{
    /// <summary>The most CHALLENGE messages one handshake answers (8); more is a protocol violation. Routers send one.</summary>
    public const int MaxChallengeRounds = 8;

    /// <summary>Creates options with the default connection settings.</summary>
    public WampClientOptions()
    {
    }

    /// <summary>Creates options with the connection settings of <paramref name="connection"/> (a higher-level client's <c>Connection</c>).</summary>
    /// <param name="connection">The connection settings to copy.</param>
    public WampClientOptions(WampConnectionOptions connection)
        : base(connection ?? throw new ArgumentNullException(nameof(connection)))
    {
    }

    /// <summary>The router's address: <c>ws://</c> or <c>wss://</c> (WebSocket), <c>rs://</c>, <c>rss://</c> or <c>tcp://</c> (RawSocket). Required.</summary>
    public Uri? Url { get; init; }

    /// <summary>The realm to join. Required.</summary>
    public string? Realm { get; init; }

    /// <summary>The serializers to offer, most preferred first. Default: JSON only.</summary>
    public IReadOnlyList<WampSerializer> Serializers { get; init; } = [WampSerializer.Json];

    /// <summary>How to authenticate. Default: <see cref="WampAuthenticator.Anonymous"/>.</summary>
    public WampAuthenticator Authenticator { get; init; } = WampAuthenticator.Anonymous;

    /// <summary>The agent string sent in HELLO. Default: <c>Cfc.Wamp</c> and its version.</summary>
    public string Agent { get; init; } = "Cfc.Wamp/" + typeof(WampClientOptions).Assembly.GetName().Version?.ToString(3);

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> that names the option to fix (<c>WampClientOptions.Url</c>).</summary>
    /// <exception cref="ArgumentException">An option is missing or out of range.</exception>
    public override void Validate()
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

        ValidateConnection(nameof(WampClientOptions));
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

    /// <summary>Checks the options; each message names the option as <c>WampReconnectOptions.Name</c>.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate() => Validate(nameof(WampReconnectOptions));

    /// <summary>
    /// Checks the options; each message names the option by <paramref name="optionPath"/>, the separator and its name
    /// (<c>CfcClientOptions.Connection.Reconnect.Jitter</c>, or <c>Cfc:Reconnect:Jitter</c> for a configuration section).
    /// </summary>
    /// <param name="optionPath">Where these options sit, e.g. <c>WampClientOptions.Reconnect</c>.</param>
    /// <param name="separator">What joins the path and a name: <c>.</c> for code (the default), <c>:</c> for configuration keys.</param>
    /// <exception cref="ArgumentException">An option is out of range; <see cref="ArgumentException.ParamName"/> is the option's name.</exception>
    public void Validate(string optionPath, string separator = ".")
    {
        ArgumentNullException.ThrowIfNull(optionPath);
        ArgumentNullException.ThrowIfNull(separator);
        string At(string name) => optionPath + separator + name;

        if (InitialDelay < TimeSpan.Zero || MaxDelay < InitialDelay)
        {
            throw Invalid($"{At(nameof(InitialDelay))} ({InitialDelay}) must be >= 0 and <= {At(nameof(MaxDelay))} ({MaxDelay}).", nameof(InitialDelay));
        }

        if (DelayGrowth < 1.0 || double.IsNaN(DelayGrowth))
        {
            throw Invalid($"{At(nameof(DelayGrowth))} must be >= 1, not {DelayGrowth}.", nameof(DelayGrowth));
        }

        if (Jitter is < 0 or > 1 || double.IsNaN(Jitter))
        {
            throw Invalid($"{At(nameof(Jitter))} must be between 0 and 1, not {Jitter}.", nameof(Jitter));
        }

        if (MaxAttempts is <= 0)
        {
            throw Invalid($"{At(nameof(MaxAttempts))} must be positive or null (forever), not {MaxAttempts}.", nameof(MaxAttempts));
        }

        if (StableAfter < TimeSpan.Zero)
        {
            throw Invalid($"{At(nameof(StableAfter))} must be zero (no damping) or positive, not {StableAfter}.", nameof(StableAfter));
        }

        if (QueueTimeout <= TimeSpan.Zero)
        {
            throw Invalid($"{At(nameof(QueueTimeout))} must be positive, not {QueueTimeout}.", nameof(QueueTimeout));
        }
    }

    // The option's name is the exception's ParamName (the method's own parameters only say where the options sit).
    private static ArgumentException Invalid(string message, string option) => new(message, option);
}

namespace Cfc.Wamp;

/// <summary>How a cancelled call is cancelled at the router (the CANCEL message's <c>mode</c>).</summary>
public enum WampCancelMode
{
    /// <summary><c>killnowait</c>: the callee is interrupted and the caller is answered at once. The default.</summary>
    KillNoWait = 0,

    /// <summary><c>kill</c>: the callee is interrupted; the caller is answered when the callee stops.</summary>
    Kill = 1,

    /// <summary><c>skip</c>: the callee is not interrupted; the caller is answered at once.</summary>
    Skip = 2,
}

/// <summary>How a subscription's topic or a registration's procedure is matched.</summary>
public enum WampMatch
{
    /// <summary>The URI must be equal. The default.</summary>
    Exact = 0,

    /// <summary>The URI must start with the given string.</summary>
    Prefix = 1,

    /// <summary>Components must be equal, except empty components, which match any one component.</summary>
    Wildcard = 2,
}

/// <summary>Per-call options.</summary>
public sealed record WampCallOptions
{
    /// <summary>How long to wait for the final result before failing with <see cref="WampTimeoutException"/> and sending CANCEL.
    /// Default: <see langword="null"/>, which means the client's <see cref="WampConnectionOptions.CallTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Called with each progressive result, in order, before the final result. Setting it asks for progressive results. Default: none.</summary>
    public Action<WampResult>? OnProgress { get; init; }

    /// <summary>The cancel mode used when the call is cancelled or times out. Default: <see langword="null"/>, the client's <see cref="WampConnectionOptions.CancelMode"/>.</summary>
    public WampCancelMode? CancelMode { get; init; }

    /// <summary>Asks the router to disclose the caller to the callee. Default: <see langword="false"/>.</summary>
    public bool DiscloseMe { get; init; }
}

/// <summary>Publish options.</summary>
public sealed record WampPublishOptions
{
    /// <summary>Asks the broker to acknowledge (PUBLISHED or ERROR); <c>PublishAsync</c> then waits for it. Default: <see langword="false"/>.</summary>
    public bool Acknowledge { get; init; }

    /// <summary>Whether the publisher is excluded from receiving its own event. Default: <see langword="true"/> (the WAMP default).</summary>
    public bool ExcludeMe { get; init; } = true;

    /// <summary>Session ids that must not receive the event. Default: none.</summary>
    public IReadOnlyList<long>? Exclude { get; init; }

    /// <summary>Only these session ids may receive the event. Default: everybody.</summary>
    public IReadOnlyList<long>? Eligible { get; init; }

    /// <summary>Asks the broker to disclose the publisher to subscribers. Default: <see langword="false"/>.</summary>
    public bool DiscloseMe { get; init; }
}

/// <summary>Subscribe options.</summary>
public sealed record WampSubscribeOptions
{
    /// <summary>The default of <see cref="MaxQueuedEvents"/>.</summary>
    public const int DefaultMaxQueuedEvents = 10_000;

    /// <summary>The default of <see cref="MaxQueuedEventBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxQueuedEventBytes = 16L * 1024 * 1024;

    private readonly int _maxQueuedEvents = DefaultMaxQueuedEvents;
    private readonly long _maxQueuedEventBytes = DefaultMaxQueuedEventBytes;

    /// <summary>How the topic is matched. Default: <see cref="WampMatch.Exact"/>.</summary>
    public WampMatch Match { get; init; }

    /// <summary>
    /// How many events may wait for the handler. Default: 10,000 (<see cref="DefaultMaxQueuedEvents"/>).
    /// </summary>
    /// <remarks>
    /// Events are handed to the handler one at a time, in order, from a queue per subscription, so a slow handler
    /// delays neither the connection nor other subscriptions. When the queue is full, the OLDEST queued event is
    /// dropped to make room for the new one (the connection is never blocked) and a warning with the topic and the
    /// number dropped so far is logged (event id 1019: at the first drop and every 1,000th after it).
    /// The queue is bounded in bytes too (<see cref="MaxQueuedEventBytes"/>); whichever bound is reached first drops.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxQueuedEvents
    {
        get => _maxQueuedEvents;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxQueuedEvents = value;
        }
    }

    /// <summary>
    /// How many bytes of events (their JSON size: arguments, keyword arguments and details) may wait for the handler.
    /// Default: 16 MiB (<see cref="DefaultMaxQueuedEventBytes"/>).
    /// </summary>
    /// <remarks>
    /// When a new event would go over the bound, the oldest queued events are dropped until it fits (counted and logged
    /// like <see cref="MaxQueuedEvents"/> drops). An event larger than the whole bound is still queued when nothing else
    /// waits, so the memory held per subscription is at most this bound plus one event (at most
    /// <see cref="WampConnectionOptions.MaxMessageSize"/>). Before this bound, 15,000 events of 100 KiB for a stuck handler
    /// held 983 MB.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public long MaxQueuedEventBytes
    {
        get => _maxQueuedEventBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxQueuedEventBytes = value;
        }
    }
}

/// <summary>Register options.</summary>
public sealed record WampRegisterOptions
{
    /// <summary>How the procedure is matched. Default: <see cref="WampMatch.Exact"/>.</summary>
    public WampMatch Match { get; init; }

    /// <summary>The shared-registration policy (<c>single</c>, <c>roundrobin</c>, <c>random</c>, <c>first</c>, <c>last</c>). Default: <see langword="null"/> (the router's, <c>single</c>).</summary>
    public string? Invoke { get; init; }

    /// <summary>Asks the router to disclose callers to this callee. Default: <see langword="false"/>.</summary>
    public bool DiscloseCaller { get; init; }

    /// <summary>The default of <see cref="MaxConcurrentInvocations"/>.</summary>
    public const int DefaultMaxConcurrentInvocations = 100;

    private readonly int _maxConcurrentInvocations = DefaultMaxConcurrentInvocations;

    /// <summary>
    /// How many invocations of this registration run at once. Default: 100 (<see cref="DefaultMaxConcurrentInvocations"/>).
    /// </summary>
    /// <remarks>
    /// An INVOCATION beyond the bound is answered at once with <c>wamp.error.unavailable</c> (a dealer may try another
    /// callee) and logged (event id 1022, at the first refusal and every 1,000th). Before this bound, 100,000
    /// INVOCATIONs started 100,000 handlers at once.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    public int MaxConcurrentInvocations
    {
        get => _maxConcurrentInvocations;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxConcurrentInvocations = value;
        }
    }
}

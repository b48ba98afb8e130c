namespace Cfc.Client;

/// <summary>Global CFC service status (<c>get_status</c> on the global realm).</summary>
public sealed record SystemStatus : CfcObject
{
    /// <summary>The CFC version, e.g. <c>v17.8.1</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The CFC global realm being connected to, e.g. <c>com.crossbario.fabric</c>.</summary>
    public string? Realm { get; init; }

    /// <summary>The CFC startup nonce: random at startup and unchanged while running.</summary>
    public string? Nonce { get; init; }

    /// <summary>The UTC system time, if sent.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The CFC tick counter: started at a random integer, incremented every 5 seconds; if sent.</summary>
    public long? Tick { get; init; }

    /// <summary>The status type the current server adds (<c>domain</c>), if sent.</summary>
    public string? Type { get; init; }

    /// <summary>When the service started (current servers), if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The humanized uptime (current servers, e.g. "2 hours"), if sent.</summary>
    public string? Uptime { get; init; }
}

/// <summary>The CFC global status/heartbeat event (<c>on_tick</c>, every 5 seconds).</summary>
public sealed record TickEvent : CfcObject
{
    /// <summary>The current CFC system time, if sent.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The CFC tick: initialized with a random integer when CFC starts, and incremented every 5 seconds; if sent.</summary>
    public long? Tick { get; init; }
}

/// <summary>Status information of a management realm (<c>get_status</c> on a management realm).</summary>
public sealed record ManagementRealmStatus : CfcObject
{
    /// <summary>The status type (<c>management</c> on current servers), if sent.</summary>
    public string? Type { get; init; }

    /// <summary>The management realm, if sent.</summary>
    public string? Realm { get; init; }

    /// <summary>The UTC system time, if sent.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>When the management realm's backend started, if sent.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>The humanized uptime, if sent.</summary>
    public string? Uptime { get; init; }

    /// <summary>The tick counter, if sent.</summary>
    public long? Tick { get; init; }
}

using Microsoft.Extensions.Logging;

namespace Cfc.Wamp.Router;

/// <summary>Settings of a <see cref="WampRouter"/>.</summary>
public sealed class WampRouterOptions
{
    /// <summary>Whether a HELLO for an unknown realm creates it (with <see cref="DefaultAuthenticator"/>).
    /// When <see langword="false"/>, unknown realms are refused with <c>wamp.error.no_such_realm</c>. Default <see langword="true"/>.</summary>
    public bool AutoCreateRealms { get; init; } = true;

    /// <summary>The authenticator of auto-created realms. <see langword="null"/> (the default) means anonymous access only.</summary>
    public IWampRouterAuthenticator? DefaultAuthenticator { get; init; }

    /// <summary>Where the router (and <see cref="WampRouterHost"/>, including Kestrel) logs. Default: nowhere.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>The clock for call timeouts, refused-connection windows and the RawSocket handshake timeout. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How long a closing session may take to flush its last messages and close its transport. Default 2 seconds.
    /// Measured in real time, not on <see cref="TimeProvider"/>: a test's fake clock, which nobody advances while the
    /// router is disposed, must not hold the shutdown up.
    /// </summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>A realm declared up front, with its own authentication.</summary>
/// <param name="Name">The realm's name (a WAMP URI).</param>
public sealed record WampRealmOptions(string Name)
{
    /// <summary>Who may join. <see langword="null"/> (the default) means anonymous access only.</summary>
    public IWampRouterAuthenticator? Authenticator { get; init; }
}

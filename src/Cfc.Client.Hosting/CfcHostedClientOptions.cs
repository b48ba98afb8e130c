using Cfc.Wamp;

namespace Cfc.Client.Hosting;

/// <summary>
/// The settings of a hosted <see cref="CfcClient"/>, bound from a configuration section (keys named like the
/// properties: <c>Url</c>, <c>Realm</c>, <c>UriScheme</c>, <c>Serializer</c>, <c>Authentication:*</c>, and the connection
/// settings of <see cref="Connection"/> by their names: the timeouts and <c>Reconnect:*</c>) or set in code with <c>AddCfcClient(options =&gt; ...)</c>. Checked when the host starts; each
/// message names the configuration key to fix.
/// </summary>
public sealed class CfcHostedClientOptions
{
    /// <summary>The CFC address, e.g. <c>wss://cfc.example.com/ws</c>. Required. Key: <c>Url</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The realm to join. Default: <see cref="CfcRealms.Global"/>. Key: <c>Realm</c>.</summary>
    public string Realm { get; set; } = CfcRealms.Global;

    /// <summary>
    /// Which URI table to use. Default: <see cref="CfcUriScheme.Auto"/> (found out when the hosted connection first connects;
    /// see <c>CfcClient.Create</c>). Key: <c>UriScheme</c>.
    /// </summary>
    public CfcUriScheme UriScheme { get; set; } = CfcUriScheme.Auto;

    /// <summary>The serializer. Default: <see cref="WampSerializer.Json"/>. Key: <c>Serializer</c>.</summary>
    public WampSerializer Serializer { get; set; } = WampSerializer.Json;

    /// <summary>How to authenticate, as configuration describes it. Keys: <c>Authentication:*</c>.</summary>
    public CfcAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>
    /// An authenticator made in code; when set it wins over <see cref="Authentication"/>. Default: <see langword="null"/>.
    /// The hosted client does not dispose a key passed this way.
    /// </summary>
    public CfcAuthenticator? Authenticator { get; set; }

    /// <summary>
    /// How the connection behaves, as on <see cref="CfcClientOptions.Connection"/>; the defaults are
    /// <see cref="WampConnectionOptions.Defaults"/> except that the first connect is retried too
    /// (<see cref="WampReconnectOptions.RetryFirstConnect"/>), so the host starts while CFC is down and the client connects
    /// when it comes up. Configuration sets it with keys named like its properties, directly under the section:
    /// <c>ConnectTimeout</c>, <c>CallTimeout</c>, <c>RequestTimeout</c>, <c>KeepAliveInterval</c>, <c>KeepAliveTimeout</c>,
    /// <c>CloseTimeout</c> (<c>hh:mm:ss</c>), <c>AllowRedirects</c>, and <c>Reconnect:InitialDelay</c>, <c>Reconnect:DelayGrowth</c>,
    /// <c>Reconnect:MaxDelay</c>, <c>Reconnect:Jitter</c>, <c>Reconnect:MaxAttempts</c>, <c>Reconnect:RetryFirstConnect</c>,
    /// <c>Reconnect:QueueTimeout</c>. TLS, the WebSocket hook and the transport factory are set in code.
    /// When <see cref="WampConnectionOptions.LoggerFactory"/> is not set the container's logger factory is used, and when
    /// <see cref="WampConnectionOptions.TimeProvider"/> is left at <see cref="TimeProvider.System"/> the container's
    /// <see cref="TimeProvider"/> (if one is registered).
    /// </summary>
    public WampConnectionOptions Connection { get; set; } = new() { Reconnect = new() { RetryFirstConnect = true } };

    /// <summary>Where these options came from, for messages: the configuration section's path, or a name for code.</summary>
    internal string Source { get; set; } = "CfcHostedClientOptions";

    /// <summary>Values the configuration had that could not be read (reported by the validator, by key).</summary>
    internal List<string> BindingErrors { get; } = [];
}

/// <summary>How a hosted client authenticates, bound from <c>Authentication:*</c>. Secrets can come from any configuration provider (user secrets, environment variables, a vault).</summary>
public sealed class CfcAuthenticationOptions
{
    /// <summary><c>cryptosign</c>, <c>ticket</c>, <c>wampcra</c> or <c>anonymous</c>. Default: <c>cryptosign</c> when a key is given, else <c>anonymous</c>. Key: <c>Authentication:Method</c>.</summary>
    public string? Method { get; set; }

    /// <summary>The authid (CFC users: their email). For cryptosign optional: the key file's <c>user-id</c> line, else the router maps the key. Key: <c>Authentication:AuthId</c>.</summary>
    public string? AuthId { get; set; }

    /// <summary>The role to request (cryptosign), or <see langword="null"/> for the router's default. Key: <c>Authentication:AuthRole</c>.</summary>
    public string? AuthRole { get; set; }

    /// <summary>A Crossbar key file (<c>private-key-ed25519: &lt;hex&gt;</c>) for cryptosign; relative paths are relative to the working directory. Key: <c>Authentication:KeyFile</c>.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The Ed25519 private key seed as 64 hex characters, for cryptosign without a file (keep it in a secret store). Key: <c>Authentication:PrivateKey</c>.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>The ticket for ticket authentication (a secret). Key: <c>Authentication:Ticket</c>.</summary>
    public string? Ticket { get; set; }

    /// <summary>The shared secret for WAMP-CRA (a secret). Key: <c>Authentication:Secret</c>.</summary>
    public string? Secret { get; set; }
}

using System.Net.WebSockets;
using Cfc.Wamp;
using Cfc.Wamp.Transport;

namespace Cfc.Client.Hosting;

/// <summary>
/// The settings of a hosted <see cref="CfcClient"/>, bound from a configuration section (keys named like the
/// properties: <c>Url</c>, <c>Realm</c>, <c>UriScheme</c>, <c>Serializer</c>, <c>Authentication:*</c>, the timeouts and
/// <c>Reconnect:*</c>) or set in code with <c>AddCfcClient(options =&gt; ...)</c>. Checked when the host starts; each
/// message names the configuration key to fix.
/// </summary>
public sealed class CfcHostedClientOptions
{
    /// <summary>The CFC address, e.g. <c>wss://cfc.example.com/ws</c>. Required. Key: <c>Url</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The realm to join. Default: <see cref="CfcRealms.Global"/>. Key: <c>Realm</c>.</summary>
    public string Realm { get; set; } = CfcRealms.Global;

    /// <summary>Which URI table to use. Default: <see cref="CfcUriScheme.Fabric"/>. Key: <c>UriScheme</c>.</summary>
    public CfcUriScheme UriScheme { get; set; } = CfcUriScheme.Fabric;

    /// <summary>The serializer. Default: <see cref="WampSerializer.Json"/>. Key: <c>Serializer</c>.</summary>
    public WampSerializer Serializer { get; set; } = WampSerializer.Json;

    /// <summary>How to authenticate, as configuration describes it. Keys: <c>Authentication:*</c>.</summary>
    public CfcAuthenticationOptions Authentication { get; set; } = new();

    /// <summary>
    /// An authenticator made in code; when set it wins over <see cref="Authentication"/>. Default: <see langword="null"/>.
    /// The hosted client does not dispose a key passed this way.
    /// </summary>
    public CfcAuthenticator? Authenticator { get; set; }

    /// <summary>How long opening the connection and session may take. Default: 15 seconds. Key: <c>ConnectTimeout</c> (<c>00:00:15</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a call may wait for its result. Default: 60 seconds. Key: <c>CallTimeout</c>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long subscribe and other requests may wait. Default: 30 seconds. Key: <c>RequestTimeout</c>.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to ping the router. Default: 10 seconds. Key: <c>KeepAliveInterval</c>.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a ping may go unanswered. Default: 5 seconds. Key: <c>KeepAliveTimeout</c>.</summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long closing the client may take (host shutdown); see <see cref="CfcClientOptions.CloseTimeout"/>.
    /// Default: 2 seconds. Key: <c>CloseTimeout</c>.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether a WebSocket upgrade may follow HTTP redirects (never out of TLS, never to another host with
    /// credentials); see <see cref="CfcClientOptions.AllowRedirects"/>. Default: <see langword="false"/>. Key: <c>AllowRedirects</c>.
    /// </summary>
    public bool AllowRedirects { get; set; }

    /// <summary>TLS settings for <c>wss://</c> and <c>rss://</c> (trusted roots, validation callback, client certificates). Code only.</summary>
    public WampTlsOptions? Tls { get; set; }

    /// <summary>
    /// Reconnect behaviour. Default: autobahn's backoff, forever, and the first connect retried too
    /// (<see cref="WampReconnectOptions.RetryFirstConnect"/>), so the host starts while CFC is down and the client
    /// connects when it comes up. Keys: <c>Reconnect:InitialDelay</c>, <c>Reconnect:DelayGrowth</c>,
    /// <c>Reconnect:MaxDelay</c>, <c>Reconnect:Jitter</c>, <c>Reconnect:MaxAttempts</c>, <c>Reconnect:QueueTimeout</c>.
    /// </summary>
    public WampReconnectOptions Reconnect { get; set; } = new() { RetryFirstConnect = true };

    /// <summary>A hook to adjust the WebSocket options (headers, certificates, proxy). Code only.</summary>
    public Action<ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>Opens transports (tests plug in-process ones here). Code only.</summary>
    public IWampTransportFactory? TransportFactory { get; set; }

    /// <summary>The clock for timeouts and backoff. Default: the <see cref="TimeProvider"/> registered in the container, else <see cref="TimeProvider.System"/>. Code only.</summary>
    public TimeProvider? TimeProvider { get; set; }

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

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cfc.Client.Hosting;

/// <summary>
/// One registered client: made on first use from its named options (no network), started by
/// <see cref="CfcClientHostedService"/>, disposed with the key it loaded. One per <c>AddCfcClient</c> name.
/// </summary>
internal sealed class CfcClientHandle : IAsyncDisposable
{
    private readonly Lazy<(CfcClient Client, CryptosignKey? Key)> _created;
    private int _disposed;

    public CfcClientHandle(string name, IOptionsMonitor<CfcHostedClientOptions> options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        Name = name;
        _created = new Lazy<(CfcClient, CryptosignKey?)>(() =>
        {
            // Get runs the validator: invalid options throw OptionsValidationException with the keys to fix.
            CfcHostedClientOptions hosted = options.Get(name);
            (CfcClientOptions built, CryptosignKey? key) = CfcHostedClientOptionsBuilder.Build(hosted, loggerFactory, timeProvider);
            return (CfcClient.Create(built), key);
        });
    }

    /// <summary>The options name ("" for the unkeyed client, else the service key).</summary>
    public string Name { get; }

    /// <summary>The client (made on first access; never waits for the network).</summary>
    public CfcClient Client => _created.Value.Client;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || !_created.IsValueCreated)
        {
            return;
        }

        (CfcClient client, CryptosignKey? key) = _created.Value;
        await client.DisposeAsync().ConfigureAwait(false);
        key?.Dispose();
    }
}

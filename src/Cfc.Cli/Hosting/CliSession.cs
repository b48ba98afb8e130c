using Cfc.Cli.Demo;
using Cfc.Cli.Identity;
using Cfc.Client;
using Cfc.Wamp;

namespace Cfc.Cli.Hosting;

/// <summary>One connected <see cref="CfcClient"/> (to the real CFC or to the <c>--fake</c> demo fleet) for one command.</summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly DemoFleet? _fleet;
    private readonly CryptosignKey? _key;
    private readonly CfcClientOptions _options;
    private readonly List<CfcClient> _more = [];

    private CliSession(CfcClient client, CliSettings settings, CfcClientOptions options, DemoFleet? fleet, CryptosignKey? key)
    {
        Client = client;
        Realm = options.Realm;
        Settings = settings;
        _options = options;
        _fleet = fleet;
        _key = key;
    }

    /// <summary>Opens one more connection, as the same user, to another realm (closed with the session).</summary>
    public async Task<CfcClient> ConnectToRealmAsync(string realm, CancellationToken cancellationToken)
    {
        CfcClient client = await CfcClient.ConnectAsync(_options with { Realm = realm }, cancellationToken).ConfigureAwait(false);
        lock (_more)
        {
            _more.Add(client);
        }

        return client;
    }

    public CfcClient Client { get; }

    /// <summary>The realm <see cref="Client"/> is connected to.</summary>
    public string Realm { get; }

    public CliSettings Settings { get; }

    /// <summary>Connects to <paramref name="realm"/>: to the <c>--fake</c> demo fleet, or as the configured user to the configured URL.</summary>
    public static async Task<CliSession> OpenAsync(CliSettings settings, string realm, CancellationToken cancellationToken)
    {
        DemoFleet? fleet = null;
        CryptosignKey? key = null;
        try
        {
            Uri url;
            CfcAuthenticator authenticator;
            if (settings.Fake)
            {
                fleet = await DemoFleet.StartAsync(settings.FakeDelay, cancellationToken).ConfigureAwait(false);
                url = fleet.Fake.Url;
                authenticator = CfcAuthenticator.Cryptosign(fleet.Key, DemoFleet.User);
            }
            else
            {
                url = settings.Url ?? throw new CliUsageException(
                    "no CFC URL: pass --url wss://<host>/ws, set CFC_URL, run 'cfc init' to create a profile, or try --fake.");
                key = KeyFiles.Load(settings.KeyFile!);
                authenticator = settings.Login is { } login
                    ? login(key, settings.AuthId ?? key.UserId)
                    : CfcAuthenticator.Cryptosign(key, settings.AuthId ?? key.UserId);
            }

            var options = new CfcClientOptions { Url = url, Realm = realm, Authenticator = authenticator };
            if (settings.Scheme is { } scheme)
            {
                options = options with { UriScheme = scheme };
            }

            CfcClient client;
            try
            {
                client = await CfcClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (CfcAuthenticationException ex) when (!settings.Fake && settings.AuthId is null && key?.UserId is null)
            {
                // The real master cannot log in a key without an authid and says so only with a Python error.
                throw new CliRefusedException(
                    $"{ex.Message}; no authid was sent: pass --authid <your user id> (the master's superuser is 'superuser'), set CFC_AUTHID, or add a 'user-id:' line to the key file.", ex);
            }
            catch (Exception ex) when (CouldNotReach(ex))
            {
                throw new CliConnectException(url, ex);
            }

            return new CliSession(client, settings, options, fleet, key);
        }
        catch
        {
            key?.Dispose();
            if (fleet is not null)
            {
                await fleet.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    // Exit code 3 (cannot connect), or what the exception itself maps to. Whoever raised a CfcException says so
    // (ErrorSource): an answer of the CFC (an ERROR, or an ABORT such as a refused login) means it was reached. Of the
    // client's own failures, a connection that could not be made or kept and a connect timeout mean it was not; the
    // rest (a result it cannot read, a scheme it does not support) keep their own exit code. Socket and TLS errors
    // that are not wrapped are unreachable too; usage errors and Ctrl+C are neither.
    private static bool CouldNotReach(Exception ex) => ex switch
    {
        OperationCanceledException or ArgumentException => false,
        CfcException { ErrorSource: WampErrorSource.Router } => false,
        CfcConnectionLostException => true,
        CfcTimeoutException => true,
        CfcException => false,
        _ => true,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (CfcClient more in _more)
        {
            await more.DisposeAsync().ConfigureAwait(false);
        }

        await Client.DisposeAsync().ConfigureAwait(false);
        _key?.Dispose();
        if (_fleet is not null)
        {
            await _fleet.DisposeAsync().ConfigureAwait(false);
        }
    }
}

/// <summary>The CFC said no (exit code 1); the message says what to do.</summary>
internal sealed class CliRefusedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The CFC could not be reached (exit code 3).</summary>
internal sealed class CliConnectException(Uri url, Exception inner)
    : Exception($"cannot connect to {url}: {Innermost(inner)}; check --url and that the CFC is running and reachable.", inner)
{
    public Uri Url { get; } = url;

    private static string Innermost(Exception ex)
    {
        // The SDK wraps the socket error; the innermost message ("Connection refused") is what people recognise.
        Exception e = ex;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e == ex ? ex.Message.TrimEnd('.') : $"{e.Message.TrimEnd('.')}";
    }
}

using Cfc.Client;
using Cfc.Client.Testing;

namespace Cfc.Quickstart;

/// <summary>
/// The quickstart: connect with cryptosign, watch events, create a management realm, pair a node, list what was made,
/// look at the node through the management realm, then clean up. Against the in-process fake unless --url is given.
/// </summary>
public static class QuickstartApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadArguments = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        QuickstartOptions options;
        try
        {
            options = QuickstartOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync("Run with --help for usage.");
            return BadArguments;
        }

        if (options.Help)
        {
            await output.WriteLineAsync(QuickstartOptions.Usage);
            return Success;
        }

        CryptosignKey key;
        try
        {
            key = options.KeyFile is { } path ? CryptosignKey.Load(path) : CryptosignKey.Generate();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync($"error: cannot read key file: {e.Message}");
            return BadArguments;
        }

        using (key)
        {
            var tour = new QuickstartTour(output);
            try
            {
                if (options.Url is { } url)
                {
                    string? authId = options.AuthId ?? key.UserId;
                    await tour.RunAsync(url, options.Realm, key, authId, simulatedNodes: false, cancellationToken);
                    return Success;
                }

                await output.WriteLineAsync("No --url given: starting an in-process fake CFC (Cfc.Client.Testing.FakeCfc).");
                await using FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromSeconds(1) }, cancellationToken);
                const string user = "quickstart@example.com";
                fake.AddUser(user, key.PublicKeyHex);
                await output.WriteLineAsync($"  fake CFC listening at {fake.Url}; registered user {user} with a freshly generated key {key.PublicKeyHex[..16]}...");
                await tour.RunAsync(fake.Url, CfcRealms.Global, key, user, simulatedNodes: true, cancellationToken);
                return Success;
            }
            catch (CfcAuthenticationException e)
            {
                await error.WriteLineAsync($"error: authentication failed: {e.Message}");
                return Failure;
            }
            catch (CfcException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return Failure;
            }
            catch (ArgumentException e)
            {
                // An option that parsed but that the SDK refuses (e.g. a realm name it cannot use).
                await error.WriteLineAsync($"error: {e.Message}");
                return BadArguments;
            }
            catch (Exception e) when (e is System.Net.WebSockets.WebSocketException or System.Net.Http.HttpRequestException or IOException or TimeoutException)
            {
                await error.WriteLineAsync($"error: cannot connect to {options.Url}: {e.Message}");
                return Failure;
            }
        }
    }
}

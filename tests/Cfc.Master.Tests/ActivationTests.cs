using System.Text.RegularExpressions;
using Cfc.Client;
using Cfc.Master.Tests.Harness;
using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests;

/// <summary>
/// The activation flow of a new user key on a real master: the master sends a code (into its log, having no mail
/// settings), the SDK reports each step as a CfcActivationException that says what to do, and the cryptosign
/// authenticator sends the code or asks for a new one.
/// </summary>
[Collection(MasterCollection.Name)]
public sealed partial class ActivationTests(CrossbarMasterKit kit)
{
    [Fact]
    public async Task A_new_key_is_activated_with_the_code_the_master_sent()
    {
        Assert.False(kit.MasterLogFile is null, "the activation test reads the code from the master's log (set CFC_MASTER_LOG for an own master)");
        using CryptosignKey key = CryptosignKey.Generate();
        string email = $"user-{Guid.NewGuid():N}"[..13] + "@example.com";

        CfcActivationException sent = await Assert.ThrowsAsync<CfcActivationException>(() => ConnectAsync(CfcAuthenticator.Cryptosign(key, email)));
        Assert.Equal(CfcActivationState.CodeSent, sent.State);
        Assert.StartsWith("fabric.auth-failed.", sent.ErrorUri, StringComparison.Ordinal);
        Assert.Contains("CryptosignWithActivationCode", sent.Message, StringComparison.Ordinal);
        string code = await CodeForAsync(email, 1);

        CfcActivationException pending = await Assert.ThrowsAsync<CfcActivationException>(() => ConnectAsync(CfcAuthenticator.Cryptosign(key, email)));
        Assert.Equal(CfcActivationState.PendingActivation, pending.State);
        CfcActivationException wrong = await Assert.ThrowsAsync<CfcActivationException>(
            () => ConnectAsync(CfcAuthenticator.CryptosignWithActivationCode(key, email, "AAAA-BBBB-CCCC")));
        Assert.Equal(CfcActivationState.InvalidActivationCode, wrong.State);

        CfcActivationException renewed = await Assert.ThrowsAsync<CfcActivationException>(
            () => ConnectAsync(CfcAuthenticator.CryptosignRequestingNewActivationCode(key, email)));
        Assert.Equal(CfcActivationState.CodeSent, renewed.State);
        string newCode = await CodeForAsync(email, 2);
        Assert.NotEqual(code, newCode);

        await using (CfcClient activated = await ConnectAsync(CfcAuthenticator.CryptosignWithActivationCode(key, email, newCode)))
        {
            Assert.Equal(email, activated.Wamp.SessionDetails!.AuthId);
        }

        // from now on the key logs in without a code
        await using CfcClient again = await ConnectAsync(CfcAuthenticator.Cryptosign(key, email));
        Assert.Equal("domain", (await again.System.GetStatusAsync()).Type);
    }

    private async Task<CfcClient> ConnectAsync(CfcAuthenticator authenticator)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        return await CfcClient.ConnectAsync(
            new CfcClientOptions { Url = kit.MasterUrl, Realm = CfcRealms.Global, Authenticator = authenticator, UriScheme = CfcUriScheme.CrossbarMaster },
            timeout.Token);
    }

    // "User registration mail sent to <email> with activation code XXXX-XXXX-XXXX" (or "User login mail ..."); polled
    // until the n-th code for this email is in the log.
    private async Task<string> CodeForAsync(string email, int nth)
    {
        using var timeout = new CancellationTokenSource(MasterClients.Operation);
        while (true)
        {
            string[] codes = [.. CodeLine().Matches(kit.ReadMasterLog()).Where(m => m.Groups["email"].Value == email).Select(m => m.Groups["code"].Value)];
            if (codes.Length >= nth)
            {
                return codes[nth - 1];
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    [GeneratedRegex(@"mail sent to (?<email>\S+) with activation code (?:\x1b\[[0-9;]*m)*(?<code>[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex CodeLine();
}

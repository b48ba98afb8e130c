// The NativeAOT smoke app. Usage: Cfc.AotSmoke <ws-url> [realm]
// Against a router where a backend registered the CFC system procedures (see AotSmokeTests), it connects with
// each serializer and exercises a typed call, an event subscription, error mapping and a raw WAMP call.
// Prints one "ok ..." line per check and "AOT SMOKE PASSED" at the end; any failure exits non-zero.
using Cfc.AotSmoke;
using Cfc.Client;
using Cfc.Wamp;

if (args.Length is < 1 or > 2 || !Uri.TryCreate(args[0], UriKind.Absolute, out Uri? url))
{
    Console.Error.WriteLine("usage: Cfc.AotSmoke <ws-url> [realm]");
    return 2;
}

string realm = args.Length > 1 ? args[1] : CfcRealms.Global;
using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
try
{
    CryptosignKey key = CryptosignKey.Generate();
    Console.WriteLine($"ok cryptosign key {key.PublicKeyHex[..8]}...");
    foreach (WampSerializer serializer in new[] { WampSerializer.Json, WampSerializer.Cbor, WampSerializer.MessagePack })
    {
        await SmokeChecks.RunAsync(url, realm, serializer, timeout.Token);
    }

    Console.WriteLine("AOT SMOKE PASSED");
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine("AOT SMOKE FAILED: " + ex);
    return 1;
}

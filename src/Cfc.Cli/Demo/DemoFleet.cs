using Cfc.Client;
using Cfc.Client.Testing;

namespace Cfc.Cli.Demo;

/// <summary>
/// The fleet behind <c>--fake</c>: an in-process <see cref="FakeCfc"/> on a free loopback port with user
/// <c>demo@example.com</c>, who owns management realms <c>lab</c> (nodes <c>node1</c> online, <c>node2</c> offline)
/// and <c>prod</c> (node <c>edge1</c>). Every node comes with the fake's default workers (router <c>worker1</c> with
/// realm <c>realm1</c>, container <c>container1</c>, proxy <c>proxy1</c>), traces and Docker.
/// </summary>
internal sealed class DemoFleet : IAsyncDisposable
{
    public const string User = "demo@example.com";

    private DemoFleet(FakeCfc fake, CryptosignKey key)
    {
        Fake = fake;
        Key = key;
    }

    public FakeCfc Fake { get; }

    /// <summary>The demo user's key: made up for this run, never written anywhere.</summary>
    public CryptosignKey Key { get; }

    public static async Task<DemoFleet> StartAsync(TimeSpan? answerDelay, CancellationToken cancellationToken)
    {
        FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { TickPeriod = TimeSpan.FromSeconds(1) }, cancellationToken).ConfigureAwait(false);
        var key = CryptosignKey.Generate();
        fake.AddUser(User, key.PublicKeyHex, new Dictionary<string, IReadOnlyList<string>>
        {
            ["lab"] = ["owner"],
            ["prod"] = ["owner"],
        });
        fake.AddNode("lab", "node1");
        fake.AddNode("lab", "node2").IsOnline = false;
        fake.AddNode("prod", "edge1");
        if (answerDelay is { } delay)
        {
            fake.DelayAnswers(delay);
        }

        return new DemoFleet(fake, key);
    }

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync().ConfigureAwait(false);
        Key.Dispose();
    }
}

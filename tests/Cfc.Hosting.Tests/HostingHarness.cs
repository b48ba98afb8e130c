using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;

namespace Cfc.Hosting.Tests;

internal static class HostingHarness
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>A loopback port nobody listens on (taken and released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    /// <summary>Writes a Crossbar key file for <paramref name="seedHex"/> into a temp file (deleted by the caller).</summary>
    public static string WriteKeyFile(string seedHex, string? userId = null)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cfc-hosting-{Guid.NewGuid():N}.priv");
        File.WriteAllText(path, (userId is null ? string.Empty : $"user-id: {userId}\n") + $"private-key-ed25519: {seedHex}\n");
        return path;
    }
}

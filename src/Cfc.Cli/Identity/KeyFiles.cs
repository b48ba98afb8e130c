using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Cfc.Client;

namespace Cfc.Cli.Identity;

/// <summary>
/// Writes Crossbar key files (the format <c>crossbar shell</c> writes and <see cref="CryptosignKey.Load"/> reads):
/// a header line, then <c>tag: value</c> lines. The private file is created with mode 0600 before the secret is
/// written into it; the secret is never printed.
/// </summary>
internal static class KeyFiles
{
    /// <summary>Generates a key pair into <paramref name="privatePath"/> and <paramref name="publicPath"/>; returns the public key hex.</summary>
    public static string Generate(string privatePath, string publicPath, string? userId, bool overwrite)
    {
        foreach (string path in new[] { privatePath, publicPath })
        {
            if (File.Exists(path) && !overwrite)
            {
                throw new CliUsageException($"{path} exists; pass --force to replace it (the old key is lost) or choose another --name.");
            }
        }

        byte[] seed = RandomNumberGenerator.GetBytes(32);
        try
        {
            using CryptosignKey key = CryptosignKey.FromSeed(seed);
            var tags = new List<(string, string)>
            {
                ("creator", "cfc " + (typeof(KeyFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0")),
                ("created-at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            };
            if (!string.IsNullOrWhiteSpace(userId))
            {
                tags.Add(("user-id", userId));
            }

            tags.Add(("public-key-ed25519", key.PublicKeyHex));
            string dir = Path.GetDirectoryName(Path.GetFullPath(privatePath))!;
            Directory.CreateDirectory(dir);
            WritePrivate(privatePath, "Crossbar.io user private key - KEEP THIS SAFE!", [.. tags, ("private-key-ed25519", Convert.ToHexStringLower(seed))]);
            File.WriteAllText(publicPath, Render("Crossbar.io user public key", tags));
            return key.PublicKeyHex;
        }
        finally
        {
            Array.Clear(seed);
        }
    }

    private static void WritePrivate(string path, string header, IReadOnlyList<(string, string)> tags)
    {
        // Create (or truncate) with 0600 first, so the secret never sits in a file others can read.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
        {
            writer.Write(Render(header, tags));
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to new files; an overwritten file keeps its old mode otherwise.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static string Render(string header, IReadOnlyList<(string Tag, string Value)> tags)
    {
        var sb = new StringBuilder(header).Append("\n\n");
        foreach ((string tag, string value) in tags)
        {
            sb.Append(tag).Append(": ").Append(value).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Loads a key file, turning the SDK's format errors into a message that says what to do.</summary>
    public static CryptosignKey Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"key file {path} does not exist; run 'cfc key generate' or pass --key-file.");
        }

        try
        {
            return CryptosignKey.Load(path);
        }
        catch (FormatException ex)
        {
            throw new CliUsageException($"{ex.Message} Pass --key-file with a Crossbar private key file (cfc key generate writes one).");
        }
    }
}

using System.Text;

namespace Cfc.Cli.Identity;

/// <summary>One <c>[profile]</c> section of <c>~/.crossbar/config.ini</c>, as <c>crossbar shell</c> writes it.</summary>
/// <param name="Name">The section name (<c>default</c> unless chosen).</param>
/// <param name="Values">Its <c>key=value</c> lines: <c>url</c>, <c>privkey</c>, <c>pubkey</c>, and optionally <c>realm</c>.</param>
internal sealed record CrossbarProfile(string Name, IReadOnlyDictionary<string, string> Values)
{
    public string? Url => Values.GetValueOrDefault("url");

    public string? PrivateKey => Values.GetValueOrDefault("privkey");

    public string? PublicKey => Values.GetValueOrDefault("pubkey");

    public string? Realm => Values.GetValueOrDefault("realm");
}

/// <summary>
/// Reads and writes <c>config.ini</c> in the Crossbar configuration folder (<c>~/.crossbar</c>): INI sections, one per
/// profile, <c>key = value</c> lines, <c>#</c>/<c>;</c> comments. Key file paths in it are relative to that folder.
/// </summary>
internal static class CrossbarProfiles
{
    public const string FileName = "config.ini";

    public static IReadOnlyList<CrossbarProfile> Load(string configDir)
    {
        string path = Path.Combine(configDir, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var profiles = new List<CrossbarProfile>();
        string? section = null;
        Dictionary<string, string>? values = null;
        int lineNo = 0;
        foreach (string raw in File.ReadAllLines(path))
        {
            lineNo++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                if (section is not null)
                {
                    profiles.Add(new CrossbarProfile(section, values!));
                }

                section = line[1..^1].Trim();
                values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                continue;
            }

            int eq = line.IndexOfAny(['=', ':']);
            if (eq <= 0 || values is null)
            {
                throw new CliUsageException($"{path} line {lineNo} is not 'key = value' inside a [profile] section; fix or remove it.");
            }

            values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        if (section is not null)
        {
            profiles.Add(new CrossbarProfile(section, values!));
        }

        return profiles;
    }

    /// <summary>Adds or replaces one profile, keeping the others in their order.</summary>
    public static void Save(string configDir, CrossbarProfile profile)
    {
        List<CrossbarProfile> profiles = Load(configDir).Where(p => p.Name != profile.Name).ToList();
        profiles.Add(profile);
        var sb = new StringBuilder();
        foreach (CrossbarProfile p in profiles)
        {
            sb.Append('[').Append(p.Name).Append("]\n\n");
            foreach ((string key, string value) in p.Values)
            {
                sb.Append(key).Append('=').Append(value).Append('\n');
            }

            sb.Append('\n');
        }

        Directory.CreateDirectory(configDir);
        File.WriteAllText(Path.Combine(configDir, FileName), sb.ToString());
    }

    /// <summary>A key path from a profile: absolute as written, else relative to the configuration folder.</summary>
    public static string ResolvePath(string configDir, string path)
    {
        if (path.StartsWith('~'))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..].TrimStart('/', '\\'));
        }

        return Path.IsPathRooted(path) ? path : Path.Combine(configDir, path);
    }
}

using System.CommandLine;
using Cfc.Cli.Hosting;
using Cfc.Cli.Identity;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary>
/// <c>cfc key generate|show</c> and <c>cfc init</c>: the user key and profiles, in the files <c>crossbar shell</c>
/// uses (<c>~/.crossbar/config.ini</c>, <c>default.priv</c>/<c>default.pub</c>). The private key is never printed.
/// </summary>
internal static class IdentityCommands
{
    public static Command Key()
    {
        var name = new Option<string>("--name") { Description = "Write <config dir>/<name>.priv and .pub (default: default); --key-file names the .priv file instead", DefaultValueFactory = _ => "default" };
        var userId = new Option<string?>("--user-id") { Description = "Your user id (an email address), written as the key file's 'user-id:' line" };
        var force = new Option<bool>("--force") { Description = "Replace an existing key (the old key is lost)" };

        var generate = new Command("generate", "Generate a new user key pair (private file mode 0600)") { name, userId, force };
        generate.SetAction(parse => CliRunner.RunOfflineAsync(parse, (settings, output) =>
        {
            string priv = parse.GetValue(GlobalOptions.KeyFile) ?? Path.Combine(settings.ConfigDir, parse.GetValue(name) + ".priv");
            string pub = Path.ChangeExtension(priv, ".pub");
            string publicKey = KeyFiles.Generate(priv, pub, parse.GetValue(userId), parse.GetValue(force));
            output.Write(CliJson.Build(w =>
            {
                w.WriteString("public_key", publicKey);
                w.WriteString("user_id", parse.GetValue(userId));
                w.WriteString("private_key_file", priv);
                w.WriteString("public_key_file", pub);
            }));
            return CliExitCodes.Ok;
        }));

        var show = new Command("show", "Show the public key and user id of the key file in use (never the private key)");
        show.SetAction(parse => CliRunner.RunOfflineAsync(parse, (settings, output) =>
        {
            using CryptosignKey key = KeyFiles.Load(settings.KeyFile!);
            output.Write(CliJson.Build(w =>
            {
                w.WriteString("public_key", key.PublicKeyHex);
                w.WriteString("user_id", key.UserId);
                w.WriteString("private_key_file", settings.KeyFile);
                if (!OperatingSystem.IsWindows())
                {
                    UnixFileMode mode = File.GetUnixFileMode(settings.KeyFile!);
                    w.WriteString("file_mode", Convert.ToString((int)mode, 8).PadLeft(4, '0'));
                }
            }));
            return CliExitCodes.Ok;
        }));

        return Verb.Noun("key", "Your user key: generate a new one, show the one in use", generate, show);
    }

    public static Command Init()
    {
        var userId = new Option<string?>("--user-id") { Description = "Your user id (an email address), written into a new key file" };
        var force = new Option<bool>("--force") { Description = "Replace an existing profile of that name (keys are kept)" };
        var init = new Command("init", "Create a profile in ~/.crossbar/config.ini (--url, --profile, --realm), with a new key pair if it has none") { userId, force };
        init.SetAction(parse => CliRunner.RunOfflineAsync(parse, (settings, output) =>
        {
            if (settings.Url is null)
            {
                throw new CliUsageException("cfc init needs the CFC's URL: pass --url wss://<host>/ws.");
            }

            if (settings.Profile is not null && !parse.GetValue(force))
            {
                throw new CliUsageException($"profile [{settings.ProfileName}] exists in {Path.Combine(settings.ConfigDir, CrossbarProfiles.FileName)}; pass --force to replace it, or choose --profile <name>.");
            }

            // The default profile uses default.priv like crossbar shell; other profiles get their own key pair.
            string keyName = settings.ProfileName;
            string priv = parse.GetValue(GlobalOptions.KeyFile) ?? Path.Combine(settings.ConfigDir, keyName + ".priv");
            string pub = Path.ChangeExtension(priv, ".pub");
            bool created = false;
            if (!File.Exists(priv))
            {
                KeyFiles.Generate(priv, pub, parse.GetValue(userId), overwrite: false);
                created = true;
            }

            using CryptosignKey key = KeyFiles.Load(priv);
            var values = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["url"] = settings.Url.ToString(),
                ["privkey"] = RelativeToConfig(settings.ConfigDir, priv),
                ["pubkey"] = RelativeToConfig(settings.ConfigDir, pub),
            };
            if (parse.GetValue(GlobalOptions.Realm) is { } realm)
            {
                values["realm"] = realm;
            }

            CrossbarProfiles.Save(settings.ConfigDir, new CrossbarProfile(settings.ProfileName, values));
            output.Write(CliJson.Build(w =>
            {
                w.WriteString("profile", settings.ProfileName);
                w.WriteString("config", Path.Combine(settings.ConfigDir, CrossbarProfiles.FileName));
                w.WriteString("url", values["url"]);
                w.WriteString("private_key_file", priv);
                w.WriteBoolean("key_created", created);
                w.WriteString("public_key", key.PublicKeyHex);
            }));
            return CliExitCodes.Ok;
        }));
        return init;
    }

    public static Command Auth()
    {
        var code = new Option<string?>("--code") { Description = "The activation code the master sent (XXXX-XXXX-XXXX)" };
        var requestNew = new Option<bool>("--request-new") { Description = "Ask the master to send a new activation code instead" };
        var auth = new Command("auth", "Activate your key with a Crossbar.io master: --code <activation code>, or --request-new (needs an authid: --authid or the key file's user-id)") { code, requestNew };
        auth.SetAction((parse, ct) =>
        {
            string? activation = parse.GetValue(code);
            bool again = parse.GetValue(requestNew);
            if ((activation is null) == !again)
            {
                return Task.FromResult(CliRunner.Fail(CliExitCodes.Usage, "cfc auth needs exactly one of --code <activation code> and --request-new."));
            }

            return CliRunner.RunWithLoginAsync(parse, (key, authId) =>
            {
                string user = authId ?? throw new CliUsageException("activation needs your user id: pass --authid alice@example.com or add a 'user-id:' line to the key file.");
                return again ? CfcAuthenticator.CryptosignRequestingNewActivationCode(key, user) : CfcAuthenticator.CryptosignWithActivationCode(key, user, activation!);
            }, c => Task.FromResult(new CliResult(CliJson.Build(w =>
            {
                w.WriteBoolean("activated", true);
                w.WriteString("url", c.Settings.Url?.ToString());
                w.WriteNumber("session", c.Client.SessionId ?? 0);
            }))), ct);
        });
        return auth;
    }

    private static string RelativeToConfig(string configDir, string path)
    {
        string full = Path.GetFullPath(path);
        string dir = Path.GetFullPath(configDir).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(dir, StringComparison.Ordinal) ? full[dir.Length..] : full;
    }
}

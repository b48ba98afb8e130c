using System.CommandLine;
using System.Text.Json;
using System.Reflection;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc status</c> and <c>cfc version</c>: the CFC itself.</summary>
internal static class SystemCommands
{
    public static IEnumerable<Command> Build() =>
    [
        Verb.Make("status", "Show the CFC's status (version, time, tick; with --realm, the management realm's status)", [], RealmScope.Configured, async c =>
        {
            if (c.Settings.Realm is { } realm && realm != CfcRealms.Global)
            {
                return new CliResult(CliJson.Of(await c.Client.ManagementRealm.GetStatusAsync(c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.ManagementRealmStatus));
            }

            return new CliResult(CliJson.Of(await c.Client.System.GetStatusAsync(c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.SystemStatus));
        }),
        Verb.Make("license", "Show the license of the Crossbar.io master node (crossbar-master scheme)", [], RealmScope.Global, async c =>
            new CliResult(CliJson.Of(await c.Client.Domain.GetLicenseAsync(c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.DomainLicense))),
        Verb.Make("version", "Show the versions of cfc, the SDK and the CFC it talks to", [], RealmScope.Global, async c =>
        {
            SystemStatus status = await c.Client.System.GetStatusAsync(c.Cancel).ConfigureAwait(false);
            JsonElement? domain = null;
            if (c.Client.UriScheme == CfcUriScheme.CrossbarMaster)
            {
                // The master has its own version procedure; the fabric API puts the version into the status.
                domain = CliJson.Of(await c.Client.Domain.GetVersionAsync(c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.DomainVersion);
            }

            return new CliResult(CliJson.Build(w =>
            {
                w.WriteString("cfc", VersionOf(typeof(SystemCommands).Assembly));
                w.WriteString("sdk", VersionOf(typeof(CfcClient).Assembly));
                if (domain is { } d)
                {
                    w.WritePropertyName("server");
                    d.WriteTo(w);
                }
                else
                {
                    w.WriteString("server", status.Version);
                }

                w.WriteString("uri_scheme", c.Client.UriScheme.ToString());
                w.WriteString("url", c.Settings.Fake ? "(fake)" : c.Settings.Url?.ToString());
            }));
        }),
    ];

    internal static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString(3) ?? "0";
}

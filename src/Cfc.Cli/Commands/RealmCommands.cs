using System.CommandLine;
using Cfc.Cli.Hosting;
using Cfc.Client;

namespace Cfc.Cli.Commands;

/// <summary><c>cfc realms list|show|create|delete</c> and roles: the management realms (global realm).</summary>
internal static class RealmCommands
{
    public static Command Build()
    {
        Argument<string> showName = Args.Id("name", "The management realm's name");
        Argument<string> createName = Args.Id("name", "The new management realm's name");
        Argument<string> deleteName = Args.Id("name", "The management realm to delete");
        var cascade = new Option<bool>("--cascade") { Description = "Also unpair the realm's nodes first" };
        Argument<string> rolesRealm = Args.Id("name", "The management realm");
        Argument<string> grantRealm = Args.Id("name", "The management realm");
        Argument<string> grantUser = Args.Id("user", "The user's authid (e.g. alice@example.com)");
        Argument<CfcRole> grantRole = new("role") { Description = "The role: owner, admin, operator, developer or guest" };
        Argument<string> revokeRealm = Args.Id("name", "The management realm");
        Argument<string> revokeUser = Args.Id("user", "The user's authid");
        Argument<CfcRole> revokeRole = new("role") { Description = "The role to take away" };

        return Verb.Noun("realms", "Management realms: list, show, create, delete, and who holds which role",
            Verb.Make("list", "List your management realms", [], RealmScope.Global, async c =>
            {
                IReadOnlyList<string> names = await c.Client.ManagementRealms.GetRealmsAsync(c.Cancel).ConfigureAwait(false);
                var rows = new List<System.Text.Json.JsonElement>();
                foreach (string name in names)
                {
                    ManagementRealmInfo info = await c.Client.ManagementRealms.GetRealmAsync(name, c.Cancel).ConfigureAwait(false);
                    // Fields as the SDK serializes them (e.g. "created" keeps whatever type the model gives it).
                    System.Text.Json.JsonElement full = CliJson.Of(info, CfcJsonContext.Default.ManagementRealmInfo);
                    rows.Add(CliJson.Build(w =>
                    {
                        w.WriteString("name", info.Name ?? name);
                        w.WriteString("oid", info.Oid);
                        w.WritePropertyName("created");
                        (full.TryGetProperty("created", out System.Text.Json.JsonElement created) ? created : CliJson.Parse("null", "created")).WriteTo(w);
                    }));
                }

                return new CliResult(CliJson.Array(rows));
            }),
            Verb.Make("show", "Show one management realm", [showName], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.GetRealmAsync(c.Get(showName), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.ManagementRealmInfo))),
            Verb.Make("create", "Create a management realm", [createName], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.CreateRealmAsync(c.Get(createName), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.ManagementRealmInfo))),
            Verb.Make("delete", "Delete a management realm (--cascade unpairs its nodes first)", [deleteName, cascade], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.DeleteRealmAsync(c.Get(deleteName), c.Get(cascade), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.RealmDeleted))),
            Verb.Make("roles", "List who holds which role on a management realm", [rolesRealm], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.GetRolesAsync(c.Get(rolesRealm), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.IReadOnlyDictionaryStringIReadOnlyListString))),
            Verb.Make("grant", "Grant a user a role on a management realm", [grantRealm, grantUser, grantRole], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.GrantRoleAsync(c.Get(grantRealm), c.Get(grantUser), c.Get(grantRole), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.RoleGranted))),
            Verb.Make("revoke", "Take a role on a management realm away from a user", [revokeRealm, revokeUser, revokeRole], RealmScope.Global, async c =>
                new CliResult(CliJson.Of(await c.Client.ManagementRealms.RevokeRoleAsync(c.Get(revokeRealm), c.Get(revokeUser), c.Get(revokeRole), c.Cancel).ConfigureAwait(false), CfcJsonContext.Default.RoleRevoked))));
    }
}

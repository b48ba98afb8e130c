namespace Cfc.Client.Testing;

/// <summary>
/// The five management realm roles of the Global API seed, lowest first.
/// Decision (the seed leaves it open): owners and admins may grant and revoke roles and pair/unpair nodes; only
/// owners may grant or revoke <c>owner</c> and delete a realm; the last owner of a realm cannot be revoked.
/// </summary>
internal static class FakeRoles
{
    public const string Guest = "guest";
    public const string Developer = "developer";
    public const string Operator = "operator";
    public const string Admin = "admin";
    public const string Owner = "owner";

    public static IReadOnlyList<string> All { get; } = [Guest, Developer, Operator, Admin, Owner];

    public static bool IsValid(string role) => All.Contains(role, StringComparer.Ordinal);

    public static int Rank(string role) => All.IndexOf(role);

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

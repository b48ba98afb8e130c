namespace Cfc.Master.Tests.Harness;

/// <summary>Unique names per test (the master keeps its databases for the whole run).</summary>
internal static class Names
{
    public static string Realm(string prefix, string serializer) => $"{prefix}-{serializer}-{Guid.NewGuid():N}"[..24];
}

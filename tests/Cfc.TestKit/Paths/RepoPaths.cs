namespace Cfc.TestKit;

/// <summary>
/// Finds the repository and the shared kit without any machine's absolute path: the root is the first folder above the
/// test binaries that holds <c>Cfc.Client.sln</c>, and the shared kit is <c>../shared</c> beside it (as CI lays it out).
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootDirectory = new(FindRoot);

    /// <summary>The repository root.</summary>
    /// <exception cref="InvalidOperationException">No <c>Cfc.Client.sln</c> above the test binaries.</exception>
    public static string Root => RootDirectory.Value;

    /// <summary><c>../shared</c> beside the repository root: the read-only kit (crossbar-master, seeds).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path inside the repository, e.g. <c>RepoPaths.InRepo("tests", "interop-peers")</c>.</summary>
    /// <param name="parts">Path segments below the root.</param>
    /// <returns>The full path.</returns>
    public static string InRepo(params string[] parts) => Path.GetFullPath(Path.Combine([Root, .. parts]));

    /// <summary>A path inside the shared kit, e.g. <c>RepoPaths.InShared("crossbar-master", "recordings")</c>.</summary>
    /// <param name="parts">Path segments below <see cref="Shared"/>.</param>
    /// <returns>The full path.</returns>
    public static string InShared(params string[] parts) => Path.GetFullPath(Path.Combine([Shared, .. parts]));

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cfc.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cfc.Client.sln was not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}

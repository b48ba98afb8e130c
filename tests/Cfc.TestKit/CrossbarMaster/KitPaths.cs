namespace Cfc.TestKit.CrossbarMaster;

/// <summary>
/// Finds the repository (by walking up to <c>Cfc.Client.sln</c>) and the shared crossbar-master kit, which CI lays
/// out as <c>shared/crossbar-master</c> beside the clone. No absolute path of any machine is written here.
/// </summary>
public static class KitPaths
{
    /// <summary>The repository root: the first folder above the test binaries that holds <c>Cfc.Client.sln</c>.</summary>
    public static string RepositoryRoot => RepoPaths.Root;

    /// <summary>
    /// The crossbar-master kit folder: <c>CFC_MASTER_KIT_DIR</c> when set, else <c>../shared/crossbar-master</c>
    /// beside the repository root. Null when neither exists.
    /// </summary>
    public static string? FindKitDirectory()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable(CrossbarMasterEnvironment.KitDirectory);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? Path.GetFullPath(fromEnvironment)
                : throw new InvalidOperationException(
                    $"{CrossbarMasterEnvironment.KitDirectory}={fromEnvironment} does not exist; point it at the crossbar-master kit folder (the one with setup.sh, start.sh and stop.sh).");
        }

        string beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "crossbar-master"));
        return File.Exists(Path.Combine(beside, "start.sh")) ? beside : null;
    }
}

namespace Cfc.Cli.Tests.Tool;

/// <summary>Finds the repository (by walking up to Cfc.Client.sln) and the shared kit beside it.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary><c>../shared</c> next to the repository root, as CI lays it out.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cfc.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cfc.Client.sln not found above " + AppContext.BaseDirectory);
    }
}

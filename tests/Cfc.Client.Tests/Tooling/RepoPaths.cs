namespace Cfc.Client.Tests.Tooling;

/// <summary>Finds the repository root from the test's output folder, so tool-driven tests work from any working directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cfc.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cfc.Client.sln not found above " + AppContext.BaseDirectory);
    }
}

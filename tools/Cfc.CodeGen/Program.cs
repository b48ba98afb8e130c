using System.Text;

namespace Cfc.CodeGen;

/// <summary>
/// The command line: <c>dotnet run --project tools/Cfc.CodeGen</c> writes the generated files; <c>-- --check</c> writes
/// nothing and reports every file that is out of date (exit code 1). The repository root is found by walking up from the
/// current directory to <c>Cfc.Client.sln</c>, or given with <c>--repo &lt;path&gt;</c>.
/// </summary>
public static class Program
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs the generator.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 when done (or up to date), 1 when <c>--check</c> found drift, 2 on a usage or spec error.</returns>
    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>Runs the generator, writing its report to <paramref name="output"/>; what tests call in-process.</summary>
    /// <param name="args"><c>--check</c> and/or <c>--repo &lt;path&gt;</c>.</param>
    /// <param name="output">Where the report goes.</param>
    /// <returns>0 when done (or up to date), 1 when <c>--check</c> found drift, 2 on a usage or spec error.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        bool check = false;
        string? repo = null;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--repo" when i + 1 < args.Count:
                    repo = args[++i];
                    break;
                default:
                    output.WriteLine($"cfc-codegen: unknown argument '{args[i]}'. Usage: Cfc.CodeGen [--check] [--repo <repository root>]");
                    return 2;
            }
        }

        repo ??= FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (repo is null)
        {
            output.WriteLine("cfc-codegen: no Cfc.Client.sln in this directory or above it; run from the repository or pass --repo <path>.");
            return 2;
        }

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = Generator.Generate(ApiSpec.Load(Path.Combine(repo, Generator.SpecPath)));
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Text.Json.JsonException or IOException)
        {
            output.WriteLine($"cfc-codegen: {Generator.SpecPath}: {ex.Message}");
            return 2;
        }

        if (check)
        {
            int drift = Check(repo, files, output);
            if (drift > 0)
            {
                output.WriteLine($"cfc-codegen --check: {drift} file(s) out of date; run `dotnet run --project {Generator.GeneratorPath}` and commit the result");
                return 1;
            }

            output.WriteLine($"cfc-codegen --check: {files.Count} generated files are up to date");
            return 0;
        }

        foreach (GeneratedFile file in files)
        {
            string path = Path.Combine(repo, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, Utf8NoBom);
        }

        foreach (string stale in Stale(repo, files))
        {
            File.Delete(Path.Combine(repo, stale));
            output.WriteLine($"deleted {stale} (the spec no longer produces it)");
        }

        output.WriteLine($"generated {files.Count} files");
        return 0;
    }

    /// <summary>The repository root: the nearest directory at or above <paramref name="start"/> with Cfc.Client.sln.</summary>
    /// <param name="start">Where to start.</param>
    /// <returns>The root, or <see langword="null"/>.</returns>
    public static string? FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cfc.Client.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    // Reports each file whose committed text differs (with the first line that differs) and each generated file the
    // spec no longer produces; returns how many.
    private static int Check(string repo, IReadOnlyList<GeneratedFile> files, TextWriter output)
    {
        int drift = 0;
        foreach (GeneratedFile file in files)
        {
            string path = Path.Combine(repo, file.Path);
            string current = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
            if (current != file.Text)
            {
                drift++;
                output.WriteLine(File.Exists(path) ? $"{file.Path}: differs from the generator's output; {FirstDifference(current, file.Text)}" : $"{file.Path}: missing");
            }
        }

        foreach (string stale in Stale(repo, files))
        {
            drift++;
            output.WriteLine($"{stale}: generated file that the spec no longer produces");
        }

        return drift;
    }

    private static string FirstDifference(string current, string expected)
    {
        string[] a = current.Split('\n');
        string[] b = expected.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string? x = i < a.Length ? a[i] : null;
            string? y = i < b.Length ? b[i] : null;
            if (x != y)
            {
                return $"line {i + 1}:\n  committed: {x ?? "(end of file)"}\n  generated: {y ?? "(end of file)"}";
            }
        }

        return "they differ in line ends or encoding";
    }

    // The *.g.cs files under src/Cfc.Client the spec does not produce (a renamed or removed group).
    private static IEnumerable<string> Stale(string repo, IReadOnlyList<GeneratedFile> files)
    {
        var produced = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        string client = Path.Combine(repo, "src", "Cfc.Client");
        return Directory.EnumerateFiles(client, "*.g.cs", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(repo, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !produced.Contains(p))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

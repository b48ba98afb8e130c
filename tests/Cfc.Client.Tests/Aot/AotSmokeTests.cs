using System.Text.RegularExpressions;
using Cfc.Wamp.Router;
using Cfc.Client.Tests.Tooling;

namespace Cfc.Client.Tests.Aot;

/// <summary>
/// Publishes tests/Cfc.AotSmoke with NativeAOT (trim and AOT warnings are errors there) and runs the native binary
/// against an in-process router with a scripted backend. One test on purpose: the publish takes a minute or two.
/// </summary>
public sealed partial class AotSmokeTests
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Native_aot_build_has_no_trim_warnings_and_the_binary_talks_to_a_router()
    {
        string output = Path.Combine(Path.GetTempPath(), "cfc-aot-smoke-" + Guid.NewGuid().ToString("N"));
        try
        {
            ProcessResult publish = await ProcessRunner.RunAsync(
                "dotnet",
                ["publish", "tests/Cfc.AotSmoke/Cfc.AotSmoke.csproj", "-c", "Release", "-r", "linux-x64", "-o", output, "-nodeReuse:false", "-p:UseSharedCompilation=false"],
                RepoPaths.Root,
                PublishTimeout,
                CleanDotnetEnvironment());

            Assert.True(publish.ExitCode == 0, "dotnet publish (NativeAOT) failed:\n" + publish.Combined);
            string[] warnings = TrimOrAotWarning().Matches(publish.Combined).Select(m => m.Value).Distinct().ToArray();
            Assert.True(warnings.Length == 0, "Trim/AOT warnings:\n" + string.Join('\n', warnings) + "\n" + publish.Combined);

            string binary = Path.Combine(output, "Cfc.AotSmoke");
            Assert.True(File.Exists(binary), "no native binary at " + binary);

            await using WampRouterHost router = await WampRouterHost.StartNewAsync();
            await using SmokeBackend backend = await SmokeBackend.StartAsync(router.Url, CfcRealms.Global);
            ProcessResult run = await ProcessRunner.RunAsync(binary, [router.Url.ToString(), CfcRealms.Global], output, RunTimeout);

            Assert.True(run.ExitCode == 0, "the native smoke app failed:\n" + run.Combined);
            foreach (string serializer in new[] { "json", "cbor", "messagepack" })
            {
                Assert.Contains($"ok {serializer} connect session=", run.StandardOutput, StringComparison.Ordinal);
                Assert.Contains($"ok {serializer} call get_status version=smoke-1.0 tick=42", run.StandardOutput, StringComparison.Ordinal);
                Assert.Matches($"ok {serializer} event on_tick tick=1\\d\\d\\d", run.StandardOutput);
                Assert.Contains($"ok {serializer} error CfcNotFoundException crossbar.error.no_such_object", run.StandardOutput, StringComparison.Ordinal);
                Assert.Contains($"ok {serializer} argument check", run.StandardOutput, StringComparison.Ordinal);
                Assert.Contains($"ok {serializer} raw call smoke.echo", run.StandardOutput, StringComparison.Ordinal);
            }

            Assert.Contains("ok cryptosign key", run.StandardOutput, StringComparison.Ordinal);
            Assert.EndsWith("AOT SMOKE PASSED", run.StandardOutput.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    // The test host runs inside `dotnet test`, whose MSBuild variables would point a nested build at the wrong SDK pieces.
    private static Dictionary<string, string?> CleanDotnetEnvironment()
    {
        Dictionary<string, string?> environment = new() { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        foreach (string key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("MSBUILD", StringComparison.Ordinal))
            {
                environment[key] = null;
            }
        }

        return environment;
    }

    [GeneratedRegex(@"(warning|error)\s+IL[23]\d{3}[^\r\n]*")]
    private static partial Regex TrimOrAotWarning();
}

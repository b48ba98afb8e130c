using System.Reflection;
using System.Runtime.CompilerServices;
using Cfc.Client.Testing;

namespace Cfc.Client.Tests.Fake;

/// <summary>The fake CFC is a layer on top of the public APIs of Cfc.Client and Cfc.Wamp.Router.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void Cfc_Client_shows_the_fake_no_internals()
    {
        IEnumerable<string> friends = typeof(CfcClient).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain("Cfc.Client.Testing", friends);
    }

    [Fact]
    public void The_fake_is_built_on_the_router_package()
    {
        string[] ours = [.. typeof(FakeCfc).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Cfc.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

        Assert.Equal(["Cfc.Client", "Cfc.Wamp", "Cfc.Wamp.Router"], ours);
    }
}

using System.Reflection;
using System.Runtime.CompilerServices;

namespace Cfc.Wamp.Router.Tests;

/// <summary>The router is a layer of its own: on Cfc.Wamp, through Cfc.Wamp's public API only.</summary>
public sealed class LayeringTests
{
    [Fact]
    public void The_router_depends_on_Cfc_Wamp_and_no_other_package_of_this_repository()
    {
        string[] ours = [.. typeof(WampRouter).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Cfc.", StringComparison.Ordinal))];

        Assert.Equal(["Cfc.Wamp"], ours);
    }

    [Fact]
    public void The_router_sees_no_internals_of_Cfc_Wamp()
    {
        IEnumerable<string> friends = typeof(WampClient).Assembly.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName);

        Assert.DoesNotContain("Cfc.Wamp.Router", friends);
    }
}

using System.CommandLine;
using Cfc.Cli.Hosting;

namespace Cfc.Cli.Commands;

/// <summary>The whole command tree of <c>cfc</c>.</summary>
internal static class CfcCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("cfc: operate a Crossbar.io Fabric Center (CFC) from the command line. Exit codes: 0 ok, 1 the server refused, 2 usage, 3 cannot connect, 130 interrupted.");
        foreach (Option option in GlobalOptions.All)
        {
            root.Add(option);
        }

        foreach (Command command in SystemCommands.Build())
        {
            root.Add(command);
        }

        root.Add(RealmCommands.Build());
        root.Add(NodeCommands.Build());
        root.Add(WorkerCommands.Build());
        root.Add(RouterCommands.Build());
        root.Add(RemoteCommands.Containers());
        root.Add(RemoteCommands.Proxies());
        root.Add(RemoteCommands.Tracing());
        root.Add(RemoteCommands.Docker());
        root.Add(RemoteCommands.Meta());
        foreach (Command command in RawCommands.Build())
        {
            root.Add(command);
        }

        root.Add(WatchCommand.Build());
        root.Add(MonitorCommand.Build());
        root.Add(IdentityCommands.Key());
        root.Add(IdentityCommands.Init());
        root.Add(IdentityCommands.Auth());
        return root;
    }
}

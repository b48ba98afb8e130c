namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// The hostile cases (100,000 calls, floods of INVOCATIONs and 100 KiB events, 12 MiB stuck writes, megabyte strings)
/// run one after the other, never beside each other or beside CycleTests: they allocate hundreds of megabytes, which
/// would disturb CycleTests' process-wide memory figure.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "Hostile load (not parallel)";
}

namespace Cfc.Wamp.Tests.Hostile;

/// <summary>
/// The hostile cases (100,000 calls, floods of INVOCATIONs and 100 KiB events, 12 MiB stuck writes, megabyte strings)
/// run one after the other, never beside each other or beside CycleTests: they allocate hundreds of megabytes, which
/// would disturb CycleTests' process-wide memory figure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "xunit collection definitions are named ...Collection by convention.")]
public sealed class HostileCollection
{
    public const string Name = "Hostile load (not parallel)";
}

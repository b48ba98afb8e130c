using Cfc.TestKit.CrossbarMaster;

namespace Cfc.Master.Tests.Harness;

/// <summary>One real master + edge for the whole run: every test class in this collection shares it.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
[CollectionDefinition(Name)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "xUnit collection definitions are named after the collection they define.")]
public sealed class MasterCollection : ICollectionFixture<CrossbarMasterKit>
{
    /// <summary>The collection name.</summary>
    public const string Name = "crossbar master";
}

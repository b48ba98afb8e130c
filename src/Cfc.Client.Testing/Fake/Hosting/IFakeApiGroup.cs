namespace Cfc.Client.Testing;

/// <summary>One API group of the fake backend: registers its procedures with the host when the fake starts.</summary>
internal interface IFakeApiGroup
{
    /// <summary>Registers every procedure of the group with the host.</summary>
    void Register();
}

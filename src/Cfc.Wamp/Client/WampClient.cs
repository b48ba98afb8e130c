namespace Cfc.Wamp;

/// <summary>Placeholder: the session implementation lands with the session work.</summary>
public sealed partial class WampClient
{
    private WampClient()
    {
    }
}

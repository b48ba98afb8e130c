using Cfc.Wamp;

namespace Cfc.Client.Api;

/// <summary>Payload helpers for optional positional arguments: an absent value is sent as JSON null, keeping later positions in place.</summary>
internal static class CfcPayloadExtensions
{
    /// <summary>Adds an optional integer; <see langword="null"/> is sent as JSON null.</summary>
    /// <param name="builder">The payload builder.</param>
    /// <param name="value">The value.</param>
    /// <returns>The builder.</returns>
    public static WampPayloadBuilder AddNullable(this WampPayloadBuilder builder, long? value) =>
        value is long v ? builder.Add(v) : builder.AddNull();
}

using System.Buffers;
using System.Text.Json;

namespace Cfc.Wamp.Session;

/// <summary>
/// Builds HELLO.Details: agent, the four roles with the features this client really implements
/// (autobahn-python's set minus payload transparency/encryption and acknowledged event delivery),
/// and what the authenticator contributes.
/// </summary>
internal static class HelloDetails
{
    private static readonly string[] CallerFeatures = ["caller_identification", "progressive_call_results", "call_canceling"];

    private static readonly string[] CalleeFeatures =
        ["caller_identification", "pattern_based_registration", "shared_registration", "progressive_call_results", "registration_revocation", "call_canceling"];

    private static readonly string[] PublisherFeatures = ["publisher_identification", "subscriber_blackwhite_listing", "publisher_exclusion"];

    private static readonly string[] SubscriberFeatures = ["publisher_identification", "pattern_based_subscription", "subscription_revocation"];

    public static JsonElement Build(string agent, WampAuthenticator authenticator)
    {
        byte[]? authExtra = AuthExtra(authenticator);
        return WampJson.BuildObject(w =>
        {
            w.WriteString("agent", agent);
            w.WriteStartObject("roles");
            Role(w, "caller", CallerFeatures);
            Role(w, "callee", CalleeFeatures);
            Role(w, "publisher", PublisherFeatures);
            Role(w, "subscriber", SubscriberFeatures);
            w.WriteEndObject();

            w.WriteStartArray("authmethods");
            foreach (string method in authenticator.AuthMethods)
            {
                w.WriteStringValue(method);
            }

            w.WriteEndArray();
            if (authenticator.AuthId is { } authId)
            {
                w.WriteString("authid", authId);
            }

            if (authenticator.AuthRole is { } authRole)
            {
                w.WriteString("authrole", authRole);
            }

            if (authExtra is not null)
            {
                w.WritePropertyName("authextra");
                w.WriteRawValue(authExtra, skipInputValidation: true);
            }
        });
    }

    private static void Role(Utf8JsonWriter w, string role, string[] features)
    {
        w.WriteStartObject(role);
        w.WriteStartObject("features");
        foreach (string feature in features)
        {
            w.WriteBoolean(feature, true);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    // The authenticator writes properties into an object of its own; it is sent only when it says so.
    private static byte[]? AuthExtra(WampAuthenticator authenticator)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        bool send;
        using (var writer = new Utf8JsonWriter(buffer, WampJson.WriterOptions))
        {
            writer.WriteStartObject();
            send = authenticator.WriteAuthExtra(writer);
            writer.WriteEndObject();
        }

        return send ? buffer.WrittenSpan.ToArray() : null;
    }
}

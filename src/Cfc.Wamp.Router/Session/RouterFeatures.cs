using System.Text.Json;

namespace Cfc.Wamp.Router;

/// <summary>The WELCOME roles: exactly the broker and dealer features this router implements.</summary>
internal static class RouterFeatures
{
    private static readonly string[] s_broker =
    [
        "pattern_based_subscription", "publisher_exclusion", "publisher_identification", "session_meta_api",
        "subscriber_blackwhite_listing", "subscription_meta_api",
    ];

    private static readonly string[] s_dealer =
    [
        "call_canceling", "call_timeout", "caller_identification", "pattern_based_registration", "progressive_call_results",
        "registration_meta_api", "session_meta_api", "shared_registration",
    ];

    public static void WriteRoles(Utf8JsonWriter w)
    {
        w.WriteStartObject("roles");
        WriteRole(w, "broker", s_broker);
        WriteRole(w, "dealer", s_dealer);
        w.WriteEndObject();
    }

    private static void WriteRole(Utf8JsonWriter w, string role, string[] features)
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
}

using System.Text.RegularExpressions;
using Cfc.Wamp;

namespace Cfc.Client.Tests.Errors;

/// <summary>
/// The typed API's exceptions link to their section of docs/errors.md (every section they can link to exists), and
/// say who raised them and why a connection ended.
/// </summary>
public sealed partial class CfcErrorHelpTests
{
    [Fact]
    public void Every_help_anchor_of_the_typed_api_is_a_section_of_docs_errors_md()
    {
        string page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md"));
        HashSet<string> anchors = AnchorTag().Matches(page).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.All(CfcErrorHelp.Anchors, anchor => Assert.Contains(anchor, anchors));
    }

    [Theory]
    [InlineData(CfcErrorUris.NoSuchObject, "cfcnotfoundexception")]
    [InlineData(WampErrorUris.NoSuchProcedure, "cfcnosuchprocedureexception")]
    [InlineData(CfcErrorUris.NodeAlreadyPaired, "cfcalreadyexistsexception")]
    [InlineData(CfcErrorUris.NewUserAuthCodeSent, "cfcactivationexception")]
    [InlineData(WampErrorUris.RuntimeError, "wamp-error-runtime-error")]
    [InlineData("crossbar.error.dependent_objects", "cfcexception")]
    public void A_mapped_error_links_to_its_type_or_to_the_uri_it_carries(string uri, string anchor)
    {
        var router = new WampException(uri, "from the server") { ErrorSource = WampErrorSource.Router };

        CfcException ex = CfcException.FromWamp(router, "Call to com.example.x");

        Assert.StartsWith(CfcErrorHelp.Page + "#", ex.HelpLink, StringComparison.Ordinal);
        Assert.EndsWith("#" + anchor, ex.HelpLink, StringComparison.Ordinal);
        Assert.Equal(WampErrorSource.Router, ex.ErrorSource);
    }

    [Fact]
    public void A_lost_connection_says_why_it_ended()
    {
        var lost = new WampConnectionLostException("the router said goodbye", WampConnectionEndReason.GoodbyeFromRouter, WampErrorUris.CloseSystemShutdown);

        var ex = Assert.IsType<CfcConnectionLostException>(CfcException.FromWamp(lost, "Call to com.example.x"));

        Assert.Equal(WampConnectionEndReason.GoodbyeFromRouter, ex.EndReason);
        Assert.Equal(WampErrorUris.CloseSystemShutdown, ex.CloseReasonUri);
        Assert.Equal(WampErrorSource.Client, ex.ErrorSource);
        Assert.EndsWith("#cfcconnectionlostexception", ex.HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_of_the_client_itself_say_so()
    {
        var notSupported = new CfcNotSupportedException(CfcUriScheme.CrossbarMaster, "IManagementRealms.GrantRoleAsync", "no roles API", "the master's roles");
        CfcException subscriptionLost = CfcErrors.SubscriptionLost("com.example.topic", new InvalidOperationException("gone"));

        Assert.Equal(WampErrorSource.Client, notSupported.ErrorSource);
        Assert.EndsWith("#cfcnotsupportedexception", notSupported.HelpLink, StringComparison.Ordinal);
        Assert.Equal(CfcErrorUris.SubscriptionLost, subscriptionLost.ErrorUri);
        Assert.EndsWith("#cfc-error-subscription-lost", subscriptionLost.HelpLink, StringComparison.Ordinal);
    }

    [GeneratedRegex("""<a id="([^"]+)"></a>""")]
    private static partial Regex AnchorTag();
}

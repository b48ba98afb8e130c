using System.Text.RegularExpressions;
using Cfc.Wamp.Messages;

namespace Cfc.Wamp.Tests.Errors;

/// <summary>
/// The error factory: every exception links to its section of docs/errors.md (and every section it can link to
/// exists), says who raised it, and a lost connection says why it ended.
/// </summary>
public sealed partial class ErrorFactoryTests
{
    private static readonly WampErrorContext Context = new(new Uri("ws://127.0.0.1:8080/ws"), "realm1", 42);

    [Fact]
    public void Every_help_anchor_the_factory_can_produce_is_a_section_of_docs_errors_md()
    {
        HashSet<string> anchors = DocumentedAnchors();

        Assert.All(WampErrorHelp.Anchors, anchor => Assert.Contains(anchor, anchors));
    }

    [Fact]
    public void Help_links_point_to_the_repository_configured_in_Directory_Build_props()
    {
        string props = File.ReadAllText(RepoPaths.InRepo("Directory.Build.props"));
        string repository = RepositoryUrl().Match(props).Groups[1].Value;

        var ex = new WampException(WampErrorUris.NoSuchProcedure);

        Assert.StartsWith(repository + "/blob/main/docs/errors.md#", ex.HelpLink, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WampErrorUris.NoSuchProcedure, "wamp-error-no-such-procedure")]
    [InlineData(WampErrorUris.Canceled, "wamp-error-canceled")]
    [InlineData("com.example.error.custom", "wampexception")]
    public void A_router_error_links_to_its_uri_section_or_else_to_its_type(string uri, string anchor)
    {
        WampException ex = WampErrors.FromRouter(new ErrorMessage(WampMessageType.Call, 1, WampJson.EmptyObject, uri, default));

        Assert.EndsWith("#" + anchor, ex.HelpLink, StringComparison.Ordinal);
        Assert.Equal(WampErrorSource.Router, ex.ErrorSource);
    }

    [Fact]
    public void The_subtypes_link_to_their_own_sections()
    {
        Assert.EndsWith("#cfc-wamp-error-connection-lost", new WampConnectionLostException("lost").HelpLink, StringComparison.Ordinal);
        Assert.EndsWith("#wamp-error-timeout", new WampTimeoutException("slow").HelpLink, StringComparison.Ordinal);
        Assert.EndsWith("#wamp-error-protocol-violation", new WampProtocolViolationException("bad").HelpLink, StringComparison.Ordinal);
        Assert.EndsWith("#wampauthenticationexception", new WampAuthenticationException("com.example.refused", "no").HelpLink, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_the_client_raises_say_so()
    {
        Assert.Equal(WampErrorSource.Client, WampErrors.RequestTimedOut("SUBSCRIBE to 'com.t'", TimeSpan.FromSeconds(5), Context).ErrorSource);
        Assert.Equal(WampErrorSource.Client, WampErrors.CannotAuthenticate("no").ErrorSource);
        Assert.Equal(WampErrorSource.Client, new WampException("com.example.error.mine").ErrorSource);
    }

    [Fact]
    public void A_message_names_the_router_realm_and_session_and_what_to_do()
    {
        WampTimeoutException ex = WampErrors.RequestTimedOut("SUBSCRIBE to 'com.t'", TimeSpan.FromSeconds(2.5), Context);

        Assert.Equal(
            "SUBSCRIBE to 'com.t' got no answer within 2.5 s (router ws://127.0.0.1:8080/ws, realm 'realm1', session 42). "
            + "The router may be overloaded or the connection stalled; raise WampClientOptions.RequestTimeout if it is only slow.",
            ex.Message);
    }

    [Fact]
    public void A_lost_connection_keeps_the_reason_of_the_failure_it_wraps()
    {
        WampConnectionLostException keepAlive = WampErrors.KeepAliveTimedOut(TimeSpan.FromSeconds(3), pingSent: true);
        var wrapped = new WampConnectionLostException("the session ended", keepAlive);

        Assert.Equal(WampConnectionEndReason.KeepAliveTimeout, wrapped.EndReason);
        Assert.Equal(WampConnectionEndReason.Unknown, new WampConnectionLostException("made by hand").EndReason);
    }

    [Fact]
    public void A_session_ended_by_the_router_is_reported_with_its_reason_uri()
    {
        WampException ended = WampErrors.SessionEnded(WampConnectionEndReason.GoodbyeFromRouter, "GOODBYE wamp.close.system_shutdown", WampErrorUris.CloseSystemShutdown, null, Context);
        WampException forGood = WampErrors.EndedForGood(ended, WampConnectionEndReason.GoodbyeFromRouter, WampErrorUris.CloseSystemShutdown);

        Assert.Equal(WampErrorSource.Router, ended.ErrorSource);
        WampConnectionLostException lost = Assert.IsType<WampConnectionLostException>(forGood);
        Assert.Equal(WampConnectionEndReason.GoodbyeFromRouter, lost.EndReason);
        Assert.Equal(WampErrorUris.CloseSystemShutdown, lost.CloseReasonUri);
        Assert.Same(ended, lost.InnerException);
    }

    private static HashSet<string> DocumentedAnchors()
    {
        string page = File.ReadAllText(RepoPaths.InRepo("docs", "errors.md"));
        return AnchorTag().Matches(page).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex("""<a id="([^"]+)"></a>""")]
    private static partial Regex AnchorTag();

    [GeneratedRegex("<CfcRepositoryUrl>([^<]+)</CfcRepositoryUrl>")]
    private static partial Regex RepositoryUrl();
}

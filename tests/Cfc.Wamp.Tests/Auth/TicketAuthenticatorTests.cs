namespace Cfc.Wamp.Tests.Auth;

public class TicketAuthenticatorTests
{
    [Fact]
    public async Task Answers_with_the_ticket_verbatim()
    {
        WampAuthenticator auth = WampAuthenticator.Ticket("joe", "tic+ket/ä");

        WampAuthenticateResponse response = await auth.AuthenticateAsync("ticket", WampJson.EmptyObject, CancellationToken.None);

        Assert.Equal(["ticket"], auth.AuthMethods);
        Assert.Equal("joe", auth.AuthId);
        Assert.Null(auth.AuthRole);
        Assert.Equal("tic+ket/ä", response.Signature);
        Assert.Null(response.Extra);
    }

    [Fact]
    public async Task Refuses_another_method()
    {
        WampAuthenticator auth = WampAuthenticator.Ticket("joe", "secret-ticket");

        WampException ex = await Assert.ThrowsAsync<WampException>(async () =>
            await auth.AuthenticateAsync("wampcra", WampJson.EmptyObject, CancellationToken.None));

        Assert.Equal("wamp.error.cannot_authenticate", ex.ErrorUri);
        Assert.DoesNotContain("secret-ticket", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_prints_the_ticket()
    {
        string text = WampAuthenticator.Ticket("joe", "secret-ticket").ToString()!;

        Assert.Contains("joe", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-ticket", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_an_authid()
    {
        Assert.Throws<ArgumentException>(() => WampAuthenticator.Ticket("", "t"));
        Assert.Throws<ArgumentNullException>(() => WampAuthenticator.Ticket("joe", null!));
    }
}

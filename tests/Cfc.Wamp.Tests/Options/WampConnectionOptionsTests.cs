namespace Cfc.Wamp.Tests.Options;

/// <summary>The connection settings are one record with one set of defaults, shared by WampClientOptions and the layers above.</summary>
public sealed class WampConnectionOptionsTests
{
    [Fact]
    public void Every_default_comes_from_Defaults()
    {
        var o = new WampConnectionOptions();

        Assert.Equal(WampConnectionOptions.Defaults.ConnectTimeout, o.ConnectTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.CallTimeout, o.CallTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.RequestTimeout, o.RequestTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.CancelMode, o.CancelMode);
        Assert.Equal(WampConnectionOptions.Defaults.KeepAliveInterval, o.KeepAliveInterval);
        Assert.Equal(WampConnectionOptions.Defaults.KeepAliveTimeout, o.KeepAliveTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.MaxMessageSize, o.MaxMessageSize);
        Assert.Equal(WampConnectionOptions.Defaults.MaxQueuedControlMessages, o.MaxQueuedControlMessages);
        Assert.Equal(WampConnectionOptions.Defaults.CloseTimeout, o.CloseTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.CloseGrace, o.CloseGrace);
        Assert.Equal(WampConnectionOptions.Defaults.ReconnectStopTimeout, o.ReconnectStopTimeout);
        Assert.Equal(WampConnectionOptions.Defaults.MaxQueuedMessages, o.MaxQueuedMessages);
        Assert.Equal(WampConnectionOptions.Defaults.Reconnect, o.Reconnect);
        Assert.Same(TimeProvider.System, o.TimeProvider);
    }

    [Fact]
    public void The_transport_settings_start_from_the_same_defaults()
    {
        var settings = new Cfc.Wamp.Transport.WampTransportSettings();

        Assert.Equal(WampConnectionOptions.Defaults.MaxMessageSize, settings.MaxMessageSize);
        Assert.Equal(WampConnectionOptions.Defaults.KeepAliveInterval, settings.KeepAliveInterval);
        Assert.Equal(WampConnectionOptions.Defaults.KeepAliveTimeout, settings.KeepAliveTimeout);
    }

    [Fact]
    public void Client_options_take_over_every_connection_setting_of_a_composed_record()
    {
        var connection = new WampConnectionOptions
        {
            CallTimeout = TimeSpan.FromSeconds(7),
            CloseTimeout = TimeSpan.FromSeconds(1),
            Reconnect = null,
            MaxMessageSize = 4096,
        };

        var client = new WampClientOptions(connection) { Url = new Uri("ws://127.0.0.1:9/ws"), Realm = "realm1" };

        Assert.Equal(TimeSpan.FromSeconds(7), client.CallTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), client.CloseTimeout);
        Assert.Null(client.Reconnect);
        Assert.Equal(4096, client.MaxMessageSize);
        Assert.Equal(WampConnectionOptions.Defaults.RequestTimeout, client.RequestTimeout);
        Assert.Equal("realm1", client.Realm);
    }

    [Fact]
    public void Client_options_name_the_connection_option_they_check()
    {
        var options = new WampClientOptions { Url = new Uri("ws://127.0.0.1:9/ws"), Realm = "realm1", RequestTimeout = TimeSpan.Zero };

        ArgumentException ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith("WampClientOptions.RequestTimeout must be positive", ex.Message, StringComparison.Ordinal);
        Assert.Equal(nameof(WampConnectionOptions.RequestTimeout), ex.ParamName);
    }

    [Theory]
    [InlineData(".", "Outer.Connection.Reconnect.QueueTimeout must be positive")]
    [InlineData(":", "Outer:Connection:Reconnect:QueueTimeout must be positive")]
    public void A_composing_layer_chooses_the_path_and_separator_of_the_messages(string separator, string expected)
    {
        var options = new WampConnectionOptions { Reconnect = new WampReconnectOptions { QueueTimeout = TimeSpan.Zero } };

        ArgumentException ex = Assert.Throws<ArgumentException>(() => options.ValidateConnection($"Outer{separator}Connection", separator));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}

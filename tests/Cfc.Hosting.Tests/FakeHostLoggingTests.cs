using Cfc.Client.Testing;
using Microsoft.Extensions.Logging;

namespace Cfc.Hosting.Tests;

/// <summary>The fake's internal web host is an implementation detail: it adds no Information lines to the user's log.</summary>
public sealed class FakeHostLoggingTests
{
    [Fact(Timeout = 30000)]
    public async Task The_fake_web_host_logs_nothing_of_its_own_below_warning_into_the_users_logger()
    {
        using var provider = new LogCapture();
        using ILoggerFactory factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Trace));

        await using (FakeCfc fake = await FakeCfc.StartAsync(new FakeCfcOptions { LoggerFactory = factory }))
        {
            Assert.NotNull(fake.Url);
        }

        var hostLines = provider.Lines.Where(l => l.Category.StartsWith("Microsoft.", StringComparison.Ordinal) && l.Level < LogLevel.Warning).ToList();
        Assert.True(hostLines.Count == 0, "host lines: " + string.Join(" | ", hostLines.Select(l => $"{l.Category}: {l.Message}")));
        Assert.DoesNotContain(provider.Lines, l => l.Message.Contains("Application started", StringComparison.Ordinal) || l.Message.Contains("Content root path", StringComparison.Ordinal));
    }
}

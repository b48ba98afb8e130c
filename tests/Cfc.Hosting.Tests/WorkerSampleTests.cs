using Cfc.WorkerSample;

namespace Cfc.Hosting.Tests;

/// <summary>The Worker Service sample runs: demo mode starts a fake CFC, the hosted client connects, the worker gets the status.</summary>
public sealed class WorkerSampleTests
{
    [Fact(Timeout = 60000)]
    public async Task The_worker_sample_connects_to_its_demo_fake_gets_the_status_and_stops_cleanly()
    {
        int exit = await WorkerSampleApp.RunAsync(["--Sample:StopAfterStatus=true", "--Sample:Telemetry=none", "--Logging:LogLevel:Default=Warning"])
            .WaitAsync(HostingHarness.Wait);

        Assert.Equal(0, exit);
    }
}

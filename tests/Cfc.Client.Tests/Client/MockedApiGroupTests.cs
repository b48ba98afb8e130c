using System.Reactive.Subjects;

namespace Cfc.Client.Tests.Client;

/// <summary>
/// An application's code that takes an API group (<see cref="IFabricSystem"/>) can be tested without a CFC or a fake:
/// a hand-written (or mocked) group returns <see cref="CfcEventStream.FromObservable{T}"/> for its event properties,
/// and the code reads them as it reads a real client's.
/// </summary>
public sealed class MockedApiGroupTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Code_that_reads_events_with_await_foreach_runs_against_a_group_whose_stream_comes_from_a_subject()
    {
        using var ticks = new Subject<TickEvent>();
        var system = new StubSystem(CfcEventStream.FromObservable(ticks));
        Task<long> third = TickWatcher.ThirdTickAsync(system, CancellationToken.None);

        // ReadAllAsync is in place once the subject has the reader: nothing pushed after that is missed.
        await Eventually.HoldsAsync(() => ticks.HasObservers, Wait);
        for (long tick = 1; tick <= 3; tick++)
        {
            ticks.OnNext(new TickEvent { Tick = tick });
        }

        Assert.Equal(3, await third.WaitAsync(Wait));
    }

    [Fact]
    public async Task SubscribeAsync_Where_and_Select_work_on_a_stream_made_from_an_observable_and_it_ends_with_its_source()
    {
        using var ticks = new Subject<TickEvent>();
        CfcEventStream<TickEvent> stream = CfcEventStream.FromObservable(ticks, "ticks");
        var even = new List<long>();
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using (CfcEventSubscription subscription = await stream.Where(t => t.Tick % 2 == 0).Select(t => t.Tick!.Value)
            .SubscribeAsync(even.Add, onError: null, onCompleted: completed.SetResult))
        {
            for (long tick = 1; tick <= 4; tick++)
            {
                ticks.OnNext(new TickEvent { Tick = tick });
            }

            ticks.OnCompleted();
            await completed.Task.WaitAsync(Wait);
        }

        Assert.Equal([2L, 4L], even);
        Assert.Equal("CfcEventStream<TickEvent> ticks", stream.ToString());
    }

    // The application's code under test: it knows only the interface.
    private static class TickWatcher
    {
        public static async Task<long> ThirdTickAsync(IFabricSystem system, CancellationToken cancellationToken)
        {
            int seen = 0;
            await foreach (TickEvent tick in system.OnTick.ReadAllAsync(cancellationToken))
            {
                if (++seen == 3)
                {
                    return tick.Tick ?? -1;
                }
            }

            return -1;
        }
    }

    private sealed class StubSystem(CfcEventStream<TickEvent> onTick) : IFabricSystem
    {
        public CfcEventStream<TickEvent> OnTick { get; } = onTick;

        public Task<SystemStatus> GetStatusAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException("not used by this test");
    }
}

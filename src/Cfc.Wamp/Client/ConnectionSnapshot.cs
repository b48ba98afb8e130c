using Cfc.Wamp.Session;

namespace Cfc.Wamp;

/// <summary>
/// The connection lifecycle of a <see cref="WampClient"/> at one moment, as one immutable value. The client holds the
/// current snapshot in one field: readers take it without a lock and see fields that belong together; a change (a
/// session attached or ended, an attempt started, the reconnect loop started or stopped) builds the next snapshot
/// and swaps it in under the client's gate, which is also where the state change is reported.
/// </summary>
/// <param name="State">The connection state.</param>
/// <param name="Ready">The session requests go to; null while (re)connecting or disconnected.</param>
/// <param name="Next">Completes with the next ready session (or fails when none will come); what waits for a session while reconnecting awaits it.</param>
/// <param name="Loop">The reconnect loop under way, or a completed task.</param>
/// <param name="LastError">Why the connection was last lost or an attempt last failed.</param>
/// <param name="Attempt">The connect attempt under way (from 1); 0 once connected.</param>
/// <param name="JoinedAt">The <see cref="TimeProvider"/> timestamp of the last join (flap damping).</param>
/// <param name="Flaps">How many sessions in a row ended within <see cref="WampReconnectOptions.StableAfter"/> of joining.</param>
/// <param name="Stopped">Closed or disposed: no reconnect will start again.</param>
internal sealed record ConnectionSnapshot(
    WampConnectionState State,
    WampSession? Ready,
    TaskCompletionSource<WampSession> Next,
    Task Loop,
    Exception? LastError,
    int Attempt,
    long JoinedAt,
    int Flaps,
    bool Stopped)
{
    /// <summary>A client that has not connected yet.</summary>
    public static ConnectionSnapshot Initial() => new(
        WampConnectionState.Disconnected, null, NewWaiter(), Task.CompletedTask, null, 0, 0, 0, false);

    /// <summary>A fresh task for what waits for the next ready session.</summary>
    public static TaskCompletionSource<WampSession> NewWaiter() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Cfc.Wamp;

/// <summary>
/// The names under which the WAMP core reports traces and metrics. Subscribe to both with
/// <c>.AddSource(WampTelemetry.Name)</c> and <c>.AddMeter(WampTelemetry.Name)</c> in the OpenTelemetry SDK
/// (see docs/telemetry.md for the spans, attributes and instruments).
/// </summary>
public static class WampTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>: <c>Cfc.Wamp</c>.</summary>
    public const string Name = "Cfc.Wamp";

    /// <summary>Span and metric names and attribute keys (OpenTelemetry semantic conventions for RPC and messaging where they fit).</summary>
    public static class Names
    {
        /// <summary>Histogram of call durations in seconds (<c>rpc.client.call.duration</c>).</summary>
        public const string CallDuration = "rpc.client.call.duration";

        /// <summary>Counter of calls made, by procedure (<c>wamp.client.calls</c>).</summary>
        public const string Calls = "wamp.client.calls";

        /// <summary>Counter of calls that failed, by procedure and error (<c>wamp.client.call.errors</c>).</summary>
        public const string CallErrors = "wamp.client.call.errors";

        /// <summary>Up-down counter of calls waiting for their result (<c>wamp.client.calls.pending</c>).</summary>
        public const string PendingCalls = "wamp.client.calls.pending";

        /// <summary>Counter of sessions re-established after a loss (<c>wamp.client.reconnects</c>).</summary>
        public const string Reconnects = "wamp.client.reconnects";

        /// <summary>Counter of events received, by subscription topic (<c>wamp.client.events.received</c>).</summary>
        public const string EventsReceived = "wamp.client.events.received";

        /// <summary>Counter of events dropped because a subscription's queue was full (<c>wamp.client.events.dropped</c>).</summary>
        public const string EventsDropped = "wamp.client.events.dropped";

        /// <summary>The span of opening a connection and joining a realm (<c>wamp.join</c>).</summary>
        public const string JoinSpan = "wamp.join";
    }
}

/// <summary>
/// The ActivitySource, the Meter and their instruments, plus the hooks the client calls. Every hook checks first
/// whether anyone listens (<see cref="ActivitySource.HasListeners"/>, <see cref="Instrument.Enabled"/>) and does
/// nothing, allocating nothing, when nobody does (TelemetryAllocationTests measure it).
/// </summary>
internal static class WampInstruments
{
    public static readonly ActivitySource Source = new(WampTelemetry.Name, typeof(WampInstruments).Assembly.GetName().Version?.ToString(3));

    public static readonly Meter Meter = new(WampTelemetry.Name, typeof(WampInstruments).Assembly.GetName().Version?.ToString(3));

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        WampTelemetry.Names.CallDuration, "s", "How long WAMP calls took, from CallAsync to the result or error.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    public static readonly Counter<long> Calls = Meter.CreateCounter<long>(WampTelemetry.Names.Calls, "{call}", "WAMP calls made.");

    public static readonly Counter<long> CallErrors = Meter.CreateCounter<long>(WampTelemetry.Names.CallErrors, "{call}", "WAMP calls that ended with an error (error.type: the WAMP error URI or the exception).");

    public static readonly UpDownCounter<long> PendingCalls = Meter.CreateUpDownCounter<long>(WampTelemetry.Names.PendingCalls, "{call}", "WAMP calls waiting for their result.");

    public static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(WampTelemetry.Names.Reconnects, "{reconnect}", "Sessions re-established after the connection was lost.");

    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>(WampTelemetry.Names.EventsReceived, "{event}", "WAMP events received.");

    public static readonly Counter<long> EventsDropped = Meter.CreateCounter<long>(WampTelemetry.Names.EventsDropped, "{event}", "WAMP events dropped because the subscription's queue was full (the handler is too slow).");

    /// <summary>Whether a call must take the instrumented path (a field read per instrument; no allocation).</summary>
    public static bool CallsObserved =>
        Source.HasListeners() || CallDuration.Enabled || Calls.Enabled || CallErrors.Enabled || PendingCalls.Enabled;

    /// <summary>Whether a publish must take the instrumented path.</summary>
    public static bool PublishObserved => Source.HasListeners();

    public static Activity? StartJoin(Uri url, string realm)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(WampTelemetry.Names.JoinSpan, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "wamp");
            activity.SetTag("wamp.realm", realm);
            activity.SetTag("server.address", url.Host);
            activity.SetTag("server.port", url.Port);
            activity.SetTag("url.full", url.GetLeftPart(UriPartial.Path));
        }

        return activity;
    }

    public static void JoinEnded(Activity? activity, long? sessionId, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is not null)
        {
            SetError(activity, error);
        }
        else if (sessionId is { } id && activity.IsAllDataRequested)
        {
            activity.SetTag("wamp.session.id", id);
        }

        activity.Dispose();
    }

    public static Activity? StartCall(string procedure, string? realm)
    {
        Activity? activity = Source.StartActivity(procedure, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "wamp");
            activity.SetTag("rpc.method", procedure);
            activity.SetTag("wamp.procedure", procedure);
            activity.SetTag("wamp.realm", realm);
        }

        return activity;
    }

    public static bool CallStarted(string procedure)
    {
        if (!PendingCalls.Enabled)
        {
            return false;
        }

        PendingCalls.Add(1, new KeyValuePair<string, object?>("rpc.method", procedure));
        return true;
    }

    public static void CallEnded(Activity? activity, string procedure, TimeSpan elapsed, Exception? error, bool countedPending)
    {
        string? errorType = error is null ? null : ErrorType(error);
        if (countedPending)
        {
            PendingCalls.Add(-1, new KeyValuePair<string, object?>("rpc.method", procedure));
        }

        if (Calls.Enabled)
        {
            Calls.Add(1, new KeyValuePair<string, object?>("rpc.system", "wamp"), new KeyValuePair<string, object?>("rpc.method", procedure));
        }

        if (errorType is not null && CallErrors.Enabled)
        {
            CallErrors.Add(1, new KeyValuePair<string, object?>("rpc.method", procedure), new KeyValuePair<string, object?>("error.type", errorType));
        }

        if (CallDuration.Enabled)
        {
            if (errorType is null)
            {
                CallDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("rpc.system", "wamp"), new KeyValuePair<string, object?>("rpc.method", procedure));
            }
            else
            {
                CallDuration.Record(
                    elapsed.TotalSeconds,
                    new KeyValuePair<string, object?>("rpc.system", "wamp"),
                    new KeyValuePair<string, object?>("rpc.method", procedure),
                    new KeyValuePair<string, object?>("error.type", errorType));
            }
        }

        if (activity is not null)
        {
            if (error is not null)
            {
                SetError(activity, error);
            }

            activity.Dispose();
        }
    }

    public static Activity? StartPublish(string topic, string? realm)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        Activity? activity = Source.StartActivity(topic + " publish", ActivityKind.Producer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "wamp");
            activity.SetTag("messaging.operation.type", "send");
            activity.SetTag("messaging.destination.name", topic);
            activity.SetTag("wamp.realm", realm);
        }

        return activity;
    }

    public static void PublishEnded(Activity? activity, long? publicationId, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is not null)
        {
            SetError(activity, error);
        }
        else if (publicationId is { } id && activity.IsAllDataRequested)
        {
            activity.SetTag("messaging.message.id", id);
        }

        activity.Dispose();
    }

    /// <summary>Counts an event the reader handed to a subscription's queue (runs on the reader loop).</summary>
    public static void EventReceived(string topic)
    {
        if (EventsReceived.Enabled)
        {
            EventsReceived.Add(1, new KeyValuePair<string, object?>("messaging.destination.name", topic));
        }
    }

    /// <summary>Counts events a full queue dropped.</summary>
    public static void EventDropped(string topic, long count = 1)
    {
        if (EventsDropped.Enabled)
        {
            EventsDropped.Add(count, new KeyValuePair<string, object?>("messaging.destination.name", topic));
        }
    }

    /// <summary>Starts the consumer span of one event's delivery to its handler, or returns null when nobody listens.</summary>
    public static Activity? StartDelivery(string subscribedTopic, WampEvent @event)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        string topic = string.IsNullOrEmpty(@event.Topic) ? subscribedTopic : @event.Topic;
        Activity? activity = Source.StartActivity(topic + " process", ActivityKind.Consumer);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("messaging.system", "wamp");
            activity.SetTag("messaging.operation.type", "process");
            activity.SetTag("messaging.destination.name", topic);
            activity.SetTag("messaging.message.id", @event.PublicationId);
        }

        return activity;
    }

    public static void DeliveryEnded(Activity? activity, Exception? error)
    {
        if (activity is null)
        {
            return;
        }

        if (error is not null)
        {
            SetError(activity, error);
        }

        activity.Dispose();
    }

    public static void Reconnected(string? realm)
    {
        if (Reconnects.Enabled)
        {
            Reconnects.Add(1, new KeyValuePair<string, object?>("wamp.realm", realm));
        }
    }

    private static void SetError(Activity activity, Exception error)
    {
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        if (activity.IsAllDataRequested)
        {
            string type = ErrorType(error);
            activity.SetTag("error.type", type);
            if (error is WampException { ErrorUri: { } uri })
            {
                activity.SetTag("wamp.error.uri", uri);
            }
        }
    }

    // error.type: the WAMP error URI when the router said why, else the exception's type (semantic conventions).
    private static string ErrorType(Exception error) => error switch
    {
        WampException { ErrorUri: { Length: > 0 } uri } => uri,
        OperationCanceledException => "cancelled",
        _ => error.GetType().FullName ?? error.GetType().Name,
    };
}

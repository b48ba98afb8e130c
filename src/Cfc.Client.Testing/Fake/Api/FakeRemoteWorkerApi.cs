using System.Text.Json;
using Cfc.Wamp;

namespace Cfc.Client.Testing;

/// <summary>
/// Remote native worker API: <c>shutdown</c>, <c>get_status</c>, Python path, worker log, CPU affinity and profilers
/// of any worker of a node (<c>crossbar.error.no_such_worker</c> for an unknown worker).
/// </summary>
internal sealed class FakeRemoteWorkerApi(FakeCfcState state, IFakeCfcHost host, IReadOnlyList<CfcUriScheme>? schemes = null)
    : FakeRemoteApiGroup(FakeApi.RemoteWorker, state, host, schemes)
{
    private static readonly string[] Profilers = ["vmprof"];

    public override void Register()
    {
        Remote("shutdown", (context, a) =>
        {
            SimulatedNode node = Node(context, a);
            return FakeJson.Result(FakeRemoteNodeApi.StopWorker(context, node, a.String(1, "worker_id"), kill: false, State.Now));
        });
        Remote("get_status", (context, a) => FakeJson.Result(FakeRemoteNodeApi.WorkerObject(Worker(context, a), State.Now)));
        Remote("get_pythonpath", (context, a) => FakeJson.Result(Worker(context, a).PythonPath));
        Remote("add_pythonpath", (context, a) =>
        {
            SimulatedWorker worker = Worker(context, a);
            List<string> paths = Paths(a);
            bool prepend = a.Bool(3, "prepend", true);
            worker.PythonPath.InsertRange(prepend ? 0 : worker.PythonPath.Count, paths);
            return FakeJson.Result(worker.PythonPath);
        });
        Remote("get_worker_log", (context, a) =>
        {
            SimulatedWorker worker = Worker(context, a);
            long limit = a.OptionalLong(2, "limit") ?? 100;
            if (limit < 0)
            {
                throw FakeErrors.Invalid("limit must not be negative");
            }

            return FakeJson.Result(worker.Log.Skip(Math.Max(0, worker.Log.Count - (int)Math.Min(limit, int.MaxValue))));
        });
        Remote("get_cpu_affinity", (context, a) => WampPayload.FromArguments(FakeJson.LongArray(Worker(context, a).CpuAffinity.Select(c => (long)c))));
        Remote("set_cpu_affinity", (context, a) =>
        {
            SimulatedWorker worker = Worker(context, a);
            if (!a.TryGet(2, "cpus", out JsonElement cpus) || cpus.ValueKind != JsonValueKind.Array
                || cpus.EnumerateArray().Any(c => c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out int n) || n < 0 || n >= Environment.ProcessorCount * 64))
            {
                throw FakeErrors.Invalid("cpus must be a list of CPU numbers");
            }

            worker.CpuAffinity.Clear();
            worker.CpuAffinity.AddRange(cpus.EnumerateArray().Select(c => c.GetInt32()).Distinct().Order());
            return WampPayload.FromArguments(FakeJson.LongArray(worker.CpuAffinity.Select(c => (long)c)));
        });
        Remote("get_profilers", (context, a) =>
        {
            _ = Worker(context, a);
            return WampPayload.FromArguments(FakeJson.Array(w =>
            {
                foreach (string profiler in Profilers)
                {
                    w.WriteStartObject();
                    w.WriteString("id", profiler);
                    w.WriteString("name", profiler);
                    w.WriteString("description", "VMprof statistical profiler");
                    w.WriteEndObject();
                }
            }));
        });
        Remote("start_profiler", (context, a) =>
        {
            SimulatedWorker worker = Worker(context, a);
            string profiler = a.OptionalString(2, "profiler") ?? "vmprof";
            long runtime = a.OptionalLong(3, "runtime") ?? 10;
            if (!Profilers.Contains(profiler))
            {
                throw FakeErrors.Invalid($"unknown profiler '{profiler}'");
            }

            if (runtime is < 1 or > 3600)
            {
                throw FakeErrors.Invalid("runtime must be between 1 and 3600 seconds");
            }

            string id = (worker.Profiles.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            worker.Profiles.Add(id, new SimulatedProfile(id, profiler, (int)runtime, State.Now));
            return FakeJson.Result(w =>
            {
                w.WriteString("id", id);
                w.WriteString("who", context.AuthId);
                w.WriteString("profiler", profiler);
                w.WriteNumber("runtime", runtime);
                w.WriteBoolean("async", a.Bool(4, "async", true));
            });
        });
        Remote("get_profile", (context, a) =>
        {
            SimulatedWorker worker = Worker(context, a);
            string id = a.TryGet(2, "profile_id", out JsonElement p) && p.ValueKind == JsonValueKind.Number ? p.GetRawText() : a.String(2, "profile_id");
            SimulatedProfile profile = Find(worker.Profiles, id, "profile");
            return FakeJson.Result(w =>
            {
                w.WriteString("id", profile.Id);
                w.WriteString("profiler", profile.Profiler);
                w.WriteTime("started", profile.Started);
                w.WriteNumber("runtime", profile.Runtime);
                w.WriteNull("error");
                w.WriteStartArray("profile");
                w.WriteStartObject();
                w.WriteString("function", "crossbar.router.session.onMessage");
                w.WriteNumber("samples", 42);
                w.WriteEndObject();
                w.WriteEndArray();
            });
        });
    }

    private static List<string> Paths(FakeArgs a)
    {
        if (a.TryGet(2, "paths", out JsonElement paths))
        {
            if (paths.ValueKind == JsonValueKind.String && paths.GetString() is { Length: > 0 } one)
            {
                return [one];
            }

            if (paths.ValueKind == JsonValueKind.Array && paths.EnumerateArray().All(p => p.ValueKind == JsonValueKind.String))
            {
                return [.. paths.EnumerateArray().Select(p => p.GetString()!)];
            }
        }

        throw FakeErrors.Invalid("paths must be a path or a list of paths");
    }
}

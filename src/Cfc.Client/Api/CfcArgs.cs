namespace Cfc.Client.Api;

/// <summary>Argument checks that run before anything goes on the wire; each failure names the parameter and says what to pass.</summary>
internal static class CfcArgs
{
    /// <summary>Requires a non-empty ID or name.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter's name.</param>
    public static void RequireId(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must not be empty or white space.", paramName);
        }
    }

    /// <summary>Allows <see langword="null"/> (the server assigns one) but not an empty ID.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter's name.</param>
    public static void OptionalId(string? value, string paramName)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{paramName} must be null (let the server assign one) or a non-empty ID.", paramName);
        }
    }

    /// <summary>Requires at least one traced worker, each with a node id and a worker id.</summary>
    /// <param name="value">The workers.</param>
    /// <param name="paramName">The parameter's name.</param>
    /// <returns>The workers as the wire's list of <c>[node_id, worker_id]</c> pairs.</returns>
    public static System.Text.Json.JsonElement RequireTracedWorkers(IReadOnlyList<TracedWorker> value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Count == 0)
        {
            throw new ArgumentException($"{paramName} must name at least one router worker to trace (new TracedWorker(nodeId, workerId)).", paramName);
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * value.Count);
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (int i = 0; i < value.Count; i++)
            {
                TracedWorker worker = value[i] ?? throw new ArgumentException($"{paramName}[{i}] is null; give a node id and a worker id.", paramName);
                RequireId(worker.NodeId, $"{paramName}[{i}].NodeId");
                RequireId(worker.WorkerId, $"{paramName}[{i}].WorkerId");
                writer.WriteStartArray();
                writer.WriteStringValue(worker.NodeId);
                writer.WriteStringValue(worker.WorkerId);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Cfc.Wamp.WampJson.ParseElement(buffer.WrittenSpan);
    }

    /// <summary>Requires a 32-byte Ed25519 public key as 64 hex characters.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter's name.</param>
    /// <returns>The key in lowercase hex, as the server stores it.</returns>
    public static string RequirePublicKey(string value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (value.Length != 64 || !value.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException(
                $"{paramName} must be an Ed25519 public key as 64 hex characters (got {value.Length} characters{(value.All(char.IsAsciiHexDigit) ? string.Empty : ", not all hex")}).",
                paramName);
        }

        return value.ToLowerInvariant();
    }

    /// <summary>Requires a count or bound to be absent or not negative.</summary>
    /// <param name="value">The value.</param>
    /// <param name="paramName">The parameter's name.</param>
    public static void RequireNonNegative(long? value, string paramName)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must not be negative.");
        }
    }
}

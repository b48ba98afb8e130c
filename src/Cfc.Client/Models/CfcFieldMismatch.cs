using System.Text.Json;

namespace Cfc.Client;

/// <summary>A field the server sent whose value did not fit its typed property (the property was left <see langword="null"/>).</summary>
/// <param name="Model">The model type.</param>
/// <param name="Field">The field's wire name.</param>
/// <param name="ExpectedType">The property's type.</param>
/// <param name="Received">The JSON kind the server sent.</param>
internal readonly record struct CfcFieldMismatch(Type Model, string Field, Type ExpectedType, JsonValueKind Received);

/// <summary>
/// Collects the mismatches of the decodes that run on this thread while it is open, so that whoever decodes (a call,
/// an event stream) can log them with its own logger. Decoding is synchronous, so a thread-static scope is exact.
/// </summary>
internal sealed class CfcMismatchScope : IDisposable
{
    [ThreadStatic]
    private static CfcMismatchScope? t_current;

    private readonly CfcMismatchScope? _outer;
    private List<CfcFieldMismatch>? _mismatches;

    private CfcMismatchScope()
    {
        _outer = t_current;
        t_current = this;
    }

    /// <summary>The mismatches recorded so far; empty when there were none.</summary>
    public IReadOnlyList<CfcFieldMismatch> Mismatches => (IReadOnlyList<CfcFieldMismatch>?)_mismatches ?? [];

    /// <summary>Opens a scope on this thread; dispose it on the same thread.</summary>
    /// <returns>The scope.</returns>
    public static CfcMismatchScope Begin() => new();

    /// <summary>Records a mismatch in the innermost open scope, if any.</summary>
    /// <param name="mismatch">The mismatch.</param>
    public static void Report(CfcFieldMismatch mismatch)
    {
        if (t_current is { } scope)
        {
            (scope._mismatches ??= []).Add(mismatch);
        }
    }

    /// <inheritdoc />
    public void Dispose() => t_current = _outer;
}

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

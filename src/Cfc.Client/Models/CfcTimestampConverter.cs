using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cfc.Client;

/// <summary>
/// Reads a CFC timestamp in any of the shapes servers send: an ISO 8601 string (with or without offset; no offset
/// means UTC), or an integer or decimal number of seconds, milliseconds, microseconds or nanoseconds since the Unix
/// epoch, told apart by magnitude (the real master sends microseconds for a management realm's <c>created</c> and
/// nanoseconds for a node's <c>timestamp</c>). A number sent as a string is read as that number. Writes ISO 8601.
/// </summary>
/// <remarks>
/// Anything else (a bool, an unparsable string, a value outside <see cref="DateTimeOffset"/>'s range) is a
/// <see cref="JsonException"/>; <see cref="CfcModelReader"/> then leaves the property <see langword="null"/> and the
/// raw value stays in <see cref="CfcObject.RawJson"/>.
/// </remarks>
public sealed class CfcTimestampConverter : JsonConverter<DateTimeOffset>
{
    // Magnitude limits: below 1e11 are seconds (up to the year 5138), below 1e14 milliseconds, below 1e17
    // microseconds, above that nanoseconds. Today's values are about 1.8e9, 1.8e12, 1.8e15 and 1.8e18.
    private const double SecondsLimit = 1e11;
    private const double MillisecondsLimit = 1e14;
    private const double MicrosecondsLimit = 1e17;

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return FromNumber(ref reader);
            case JsonTokenType.String:
                string text = reader.GetString()!;
                if (TryParse(text, out DateTimeOffset value))
                {
                    return value;
                }

                throw new JsonException($"\"{Shorten(text)}\" is neither an ISO 8601 time nor a number since the Unix epoch.");
            default:
                throw new JsonException($"A timestamp must be an ISO 8601 string or a number since the Unix epoch; got {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a timestamp given as text: ISO 8601, or a number since the epoch (s, ms, µs or ns by magnitude).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The time, in UTC.</param>
    /// <returns><see langword="true"/> when the text is a timestamp.</returns>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            return TryFromEpoch(integer, out value);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return TryFromEpoch(number, out value);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            value = value.ToUniversalTime();
            return true;
        }

        return false;
    }

    /// <summary>Converts an integer since the Unix epoch, in s, ms, µs or ns told apart by magnitude.</summary>
    /// <param name="epochValue">The number.</param>
    /// <param name="value">The time, in UTC.</param>
    /// <returns><see langword="false"/> when the time is outside <see cref="DateTimeOffset"/>'s range.</returns>
    public static bool TryFromEpoch(long epochValue, out DateTimeOffset value)
    {
        // Integer arithmetic keeps nanosecond values exact (a double has only 15-16 significant digits).
        double magnitude = Math.Abs((double)epochValue);
        long ticks;
        try
        {
            ticks = magnitude switch
            {
                < SecondsLimit => checked(epochValue * TimeSpan.TicksPerSecond),
                < MillisecondsLimit => checked(epochValue * TimeSpan.TicksPerMillisecond),
                < MicrosecondsLimit => checked(epochValue * TimeSpan.TicksPerMicrosecond),
                _ => epochValue / TimeSpan.NanosecondsPerTick,
            };
        }
        catch (OverflowException)
        {
            value = default;
            return false;
        }

        return TryFromUnixTicks(ticks, out value);
    }

    /// <summary>Converts a (possibly fractional) number since the Unix epoch, in s, ms, µs or ns told apart by magnitude.</summary>
    /// <param name="epochValue">The number.</param>
    /// <param name="value">The time, in UTC.</param>
    /// <returns><see langword="false"/> when the number is not finite or the time is outside <see cref="DateTimeOffset"/>'s range.</returns>
    public static bool TryFromEpoch(double epochValue, out DateTimeOffset value)
    {
        value = default;
        if (!double.IsFinite(epochValue))
        {
            return false;
        }

        double magnitude = Math.Abs(epochValue);
        double ticks = magnitude switch
        {
            < SecondsLimit => epochValue * TimeSpan.TicksPerSecond,
            < MillisecondsLimit => epochValue * TimeSpan.TicksPerMillisecond,
            < MicrosecondsLimit => epochValue * TimeSpan.TicksPerMicrosecond,
            _ => epochValue / TimeSpan.NanosecondsPerTick,
        };
        return Math.Abs(ticks) < long.MaxValue / 2 && TryFromUnixTicks((long)Math.Round(ticks), out value);
    }

    private static bool TryFromUnixTicks(long unixTicks, out DateTimeOffset value)
    {
        long ticks = unixTicks + DateTimeOffset.UnixEpoch.Ticks;
        if (unixTicks > DateTimeOffset.MaxValue.Ticks - DateTimeOffset.UnixEpoch.Ticks || ticks < DateTimeOffset.MinValue.Ticks)
        {
            value = default;
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static DateTimeOffset FromNumber(ref Utf8JsonReader reader)
    {
        if (reader.TryGetInt64(out long integer))
        {
            if (TryFromEpoch(integer, out DateTimeOffset value))
            {
                return value;
            }
        }
        else if (reader.TryGetDouble(out double number) && TryFromEpoch(number, out DateTimeOffset value))
        {
            return value;
        }

        throw new JsonException("The number is not a time since the Unix epoch that DateTimeOffset can hold.");
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");
}

using System.Globalization;
using System.Text;

namespace Cfc.Wamp;

/// <summary>
/// Makes text that came from the router safe to put into exception messages and logs: control characters
/// (CR, LF, ESC, NUL, ...) and other invisible format characters are escaped as <c>\uXXXX</c>, so a router cannot
/// forge log lines or terminal escapes, and the length is capped, so a router cannot make the client copy megabytes
/// into every message. The full value stays available as data (<see cref="WampException.Payload"/>,
/// <see cref="WampException.Details"/>).
/// </summary>
public static class ServerText
{
    /// <summary>The most characters of one piece of router text that go into a message or log: 512.</summary>
    public const int MaxLength = 512;

    /// <summary>Escapes control characters and caps <paramref name="text"/> at <paramref name="maxLength"/> characters.</summary>
    /// <param name="text">Text from the router, or <see langword="null"/>.</param>
    /// <param name="maxLength">The cap (default <see cref="MaxLength"/>); what is cut is replaced by a note saying how much.</param>
    /// <returns>The neutralised text (empty for <see langword="null"/>).</returns>
    public static string Sanitize(string? text, int maxLength = MaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (text.Length <= maxLength && IsClean(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength) + 32);
        int i = 0;
        for (; i < text.Length && builder.Length < maxLength; i++)
        {
            char c = text[i];
            if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (i < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"... ({text.Length - i} more characters)");
        }

        return builder.ToString();
    }

    private static bool IsClean(string text)
    {
        foreach (char c in text)
        {
            if (NeedsEscape(c))
            {
                return false;
            }
        }

        return true;
    }

    // Control characters (C0, DEL, C1), line and paragraph separators, bidi overrides and other invisible formats.
    private static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is '\u2028' or '\u2029' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}

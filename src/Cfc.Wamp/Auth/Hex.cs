namespace Cfc.Wamp.Auth;

/// <summary>Strict hex parsing for keys and challenges: exact length, no whitespace, either case.</summary>
internal static class Hex
{
    /// <summary>Parses exactly <paramref name="byteCount"/> bytes of hex.</summary>
    public static bool TryParse(string? text, int byteCount, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length != byteCount * 2)
        {
            return false;
        }

        byte[] result = new byte[byteCount];
        if (Convert.FromHexString(text, result, out int consumed, out int written) != System.Buffers.OperationStatus.Done
            || consumed != text.Length || written != byteCount)
        {
            return false;
        }

        bytes = result;
        return true;
    }
}

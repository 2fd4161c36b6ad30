namespace Actors.Kernel.Configuration;

/// <summary>JSON number syntax check.</summary>
internal static class HoconNumbers
{
    /// <summary>True for <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsJsonNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }

        if (i >= s.Length || !char.IsAsciiDigit(s[i]))
        {
            return false;
        }

        if (s[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
        }

        if (i < s.Length && s[i] == '.')
        {
            i++;
            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (!Digits(s, ref i))
            {
                return false;
            }
        }

        return i == s.Length;
    }

    private static bool Digits(ReadOnlySpan<char> s, ref int i)
    {
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i > start;
    }
}

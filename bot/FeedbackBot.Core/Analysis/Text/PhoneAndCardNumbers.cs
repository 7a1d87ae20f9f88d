using System.Text;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Finds runs of digits joined by single separators (space, hyphen, full stop, brackets), such as
/// +44 20 7946 0958, (555) 123-4567 or 4111 1111 1111 1111. Thirteen to nineteen digits without a leading + look
/// like a payment card; seven or more otherwise are treated as a phone number. Runs glued to letters (order codes
/// such as AB1234567) and dates (2024-03-15, 15.03.2024) are left alone.
/// </summary>
internal static class PhoneAndCardNumbers
{
    public const string PhoneMask = "[phone]";
    public const string NumberMask = "[number]";

    private const int MinPhoneDigits = 7;
    private const int MinCardDigits = 13;
    private const int MaxCardDigits = 19;

    public static string MaskNumbers(string text)
    {
        StringBuilder? masked = null;
        var copied = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!CanStart(text, i))
            {
                i++;
                continue;
            }

            var (end, digits) = Run(text, i);
            if (digits == 0)
            {
                i++;
                continue;
            }

            var start = text[i] == '(' && !text.AsSpan(i, end - i).Contains(')') ? i + 1 : i;
            var mask = MaskFor(text.AsSpan(start, end - start), text[start] == '+', digits);
            var gluedToLetter = end < text.Length && char.IsLetter(text[end]);
            if (mask is not null && !gluedToLetter)
            {
                masked ??= new StringBuilder(text.Length);
                masked.Append(text, copied, start - copied).Append(mask);
                copied = end;
            }

            i = end;
        }

        return masked is null ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }

    private static bool CanStart(string text, int i)
    {
        if (i > 0 && char.IsLetterOrDigit(text[i - 1]))
        {
            return false;
        }

        return char.IsDigit(text[i]) || text[i] is '+' or '(';
    }

    // The end of the run after its last digit, and how many digits it holds.
    private static (int End, int Digits) Run(string text, int start)
    {
        var i = start;
        if (text[i] is '+')
        {
            i++;
            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        var digits = 0;
        var end = start;
        while (i < text.Length)
        {
            if (char.IsAsciiDigit(text[i]))
            {
                digits++;
                i++;
                end = i;
                continue;
            }

            // Up to two separators between digits: ") " and " (" join "(020) 7946" and "+44 (0)20".
            var j = i;
            while (j < text.Length && j - i < 2 && IsSeparator(text[j]))
            {
                j++;
            }

            if (j == i || j >= text.Length || !char.IsAsciiDigit(text[j]))
            {
                break;
            }

            i = j;
        }

        return (end, digits);
    }

    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or '\u00A0';

    private static string? MaskFor(ReadOnlySpan<char> run, bool international, int digits)
    {
        if (digits < MinPhoneDigits || IsDate(run))
        {
            return null;
        }

        return !international && digits is >= MinCardDigits and <= MaxCardDigits ? NumberMask
            : digits > MaxCardDigits ? NumberMask
            : PhoneMask;
    }

    // 2024-03-15, 15.03.2024, 15-03-24: three groups with a four-digit year first or last.
    private static bool IsDate(ReadOnlySpan<char> run)
    {
        Span<Range> groups = stackalloc Range[4];
        var count = run.SplitAny(groups, "-.", StringSplitOptions.None);
        if (count != 3)
        {
            return false;
        }

        var first = run[groups[0]];
        var middle = run[groups[1]];
        var last = run[groups[2]];
        if (!AllDigits(first) || !AllDigits(middle) || !AllDigits(last) || middle.Length is < 1 or > 2)
        {
            return false;
        }

        return (first.Length == 4 && last.Length <= 2) || (first.Length <= 2 && last.Length is 2 or 4);
    }

    private static bool AllDigits(ReadOnlySpan<char> span) => span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');
}

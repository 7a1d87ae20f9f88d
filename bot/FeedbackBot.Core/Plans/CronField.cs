using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using static System.FormattableString;

namespace FeedbackBot.Core.Plans;

/// <summary>The set of values one field of a cron expression matches.</summary>
internal sealed class CronField
{
    private readonly ulong _bits;

    private CronField(CronFieldKind kind, ulong bits, bool isUnrestricted)
    {
        Kind = kind;
        _bits = bits;
        IsUnrestricted = isUnrestricted;
        Values = [.. Enumerable.Range(kind.Min, kind.LastDistinct - kind.Min + 1).Where(Contains)];
    }

    public CronFieldKind Kind { get; }

    /// <summary>
    /// Whether the field is written as <c>*</c> (or <c>*/1</c>) and so matches every value. A field that lists
    /// every value by hand, such as <c>1-31</c>, counts as restricted: classic cron treats it so when choosing
    /// between its "day-of-month or day-of-week" and "and" rules.
    /// </summary>
    public bool IsUnrestricted { get; }

    /// <summary>The matching values in ascending order.</summary>
    public IReadOnlyList<int> Values { get; }

    public bool Contains(int value) => value is >= 0 and < 64 && (_bits & (1UL << value)) != 0;

    public static bool TryParse(string text, CronFieldKind kind, [NotNullWhen(true)] out CronField? field, [NotNullWhen(false)] out string? error)
    {
        field = null;
        var bits = 0UL;
        foreach (var item in text.Split(','))
        {
            error = AddItem(item, kind, ref bits);
            if (error is not null)
            {
                error = $"{kind.Name} field '{text}': {error}";
                return false;
            }
        }

        if (kind == CronFieldKind.DayOfWeek && (bits & (1UL << 7)) != 0)
        {
            bits = (bits & ~(1UL << 7)) | 1UL;
        }

        var all = Enumerable.Range(kind.Min, kind.LastDistinct - kind.Min + 1).All(v => (bits & (1UL << v)) != 0);
        field = new CronField(kind, bits, all && text.StartsWith('*'));
        error = null;
        return true;
    }

    /// <summary>Adds one comma-separated item (<c>*</c>, a value, a range, each with an optional step); returns an error or null.</summary>
    private static string? AddItem(string item, CronFieldKind kind, ref ulong bits)
    {
        if (item.Length == 0)
        {
            return "an item of the comma-separated list is empty";
        }

        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var rangeText = slash < 0 ? item : item[..slash];
        int? step = null;
        if (slash >= 0)
        {
            var stepText = item[(slash + 1)..];
            var span = kind.Max - kind.Min + 1;
            if (!int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < 1 || parsed > span)
            {
                return Invariant($"'{stepText}' is not a valid step; expected a whole number from 1 to {span}");
            }

            step = parsed;
        }

        int low, high;
        if (rangeText == "*")
        {
            (low, high) = (kind.Min, kind.Max);
        }
        else
        {
            var dash = rangeText.IndexOf('-', StringComparison.Ordinal);
            var lowText = dash < 0 ? rangeText : rangeText[..dash];
            if (lowText.Length == 0 || (dash >= 0 && dash == rangeText.Length - 1))
            {
                // A bare or dangling '-' is most likely a negative number or a half-written range.
                return $"'{item}' is not a valid {kind.Name}; expected {kind.Expected}";
            }

            if (ParseValue(lowText, kind, out low) is { } lowError)
            {
                return lowError;
            }

            high = step is null ? low : kind.Max;
            if (dash >= 0)
            {
                if (ParseValue(rangeText[(dash + 1)..], kind, out high) is { } highError)
                {
                    return highError;
                }

                if (low > high)
                {
                    return $"the range {rangeText} runs backwards; write the earlier value first";
                }
            }
        }

        for (var value = low; value <= high; value += step ?? 1)
        {
            bits |= 1UL << value;
        }

        return null;
    }

    private static string? ParseValue(string text, CronFieldKind kind, out int value)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= kind.Min && value <= kind.Max)
            {
                return null;
            }

            return $"{text} is out of range; expected {kind.Expected}";
        }

        for (var i = 0; i < kind.Names.Count; i++)
        {
            if (string.Equals(kind.Names[i], text, StringComparison.OrdinalIgnoreCase))
            {
                value = kind.FirstNamedValue + i;
                return null;
            }
        }

        value = 0;
        return $"'{text}' is not a valid {kind.Name}; expected {kind.Expected}";
    }
}

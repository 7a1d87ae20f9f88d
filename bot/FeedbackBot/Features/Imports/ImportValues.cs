using System.Globalization;

namespace FeedbackBot.Features.Imports;

/// <summary>How cells are read: ISO 8601 instants and dates, and numbers with a '.' decimal point, whatever the machine's culture.</summary>
internal static class ImportValues
{
    /// <summary>The longest text a cell may hold for a free-text value (answers, complaint text).</summary>
    public const int MaxTextLength = 4000;

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mmK",
        "yyyy-MM-ddK",
    ];

    /// <summary>Reads an ISO 8601 date and time; without an offset it is UTC. The result is UTC.</summary>
    public static bool TryParseInstant(string text, out DateTime utc)
    {
        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            utc = value.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>Reads a date written yyyy-MM-dd.</summary>
    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Reads a decimal number such as 42, -3 or 95.5 (no thousands separators, no exponent).</summary>
    public static bool TryParseNumber(string text, out double number) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number) &&
        double.IsFinite(number);

    /// <summary>A cell's value as an error message quotes it: short values whole, long ones cut.</summary>
    public static string Quote(string value) => value.Length <= 40 ? $"'{value}'" : $"'{value[..37]}...'";

    /// <summary>A count as summaries print it: 1,234.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>
    /// A cycle's window as the command line takes it, 2026-10-05..2026-10-11 (the end day included), when it runs from
    /// midnight to midnight UTC; otherwise its exact start and (exclusive) end.
    /// </summary>
    public static string Window(DateTime startsAt, DateTime endsAt) =>
        startsAt.TimeOfDay == TimeSpan.Zero && endsAt.TimeOfDay == TimeSpan.Zero
            ? FormattableString.Invariant($"{startsAt:yyyy-MM-dd}..{endsAt.AddDays(-1):yyyy-MM-dd}")
            : FormattableString.Invariant($"{startsAt:yyyy-MM-dd HH:mm}Z to {endsAt:yyyy-MM-dd HH:mm}Z");
}

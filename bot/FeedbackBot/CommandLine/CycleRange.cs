using System.Globalization;

namespace FeedbackBot.CommandLine;

/// <summary>
/// A cycle written on the command line as START..END, ISO dates, both days included: the window runs from START at
/// 00:00 UTC to the midnight after END.
/// </summary>
internal sealed record CycleRange(DateOnly First, DateOnly Last)
{
    public DateTime Start => First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime End => Last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static CycleRange Parse(string text)
    {
        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last))
        {
            throw new UsageException($"--cycle must be START..END with ISO dates, such as 2026-10-12..2026-10-18, not '{text}'.");
        }

        return last < first
            ? throw new UsageException($"--cycle ends ({parts[1]}) before it starts ({parts[0]}).")
            : new CycleRange(first, last);
    }

    public static string Describe(DateTime start, DateTime end) =>
        string.Create(CultureInfo.InvariantCulture, $"{start:yyyy-MM-dd}..{end.AddTicks(-1):yyyy-MM-dd}");

    public override string ToString() => Describe(Start, End);
}

using System.Globalization;
using FeedbackBot.CommandLine;

namespace FeedbackBot.Features.Cycles;

/// <summary>
/// The <c>--cycle START..END</c> of an import: ISO dates, both days included, so the window is
/// [START 00:00 UTC, END + 1 day 00:00 UTC).
/// </summary>
internal sealed record CycleDates(DateOnly First, DateOnly Last)
{
    public DateTime StartsAt => First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime EndsAt => Last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>Reads START..END; <paramref name="option"/> names the option in the message when it is wrong.</summary>
    public static CycleDates Parse(string text, string option = "--cycle")
    {
        var parts = text.Trim().Split("..");
        if (parts.Length != 2 || !TryDate(parts[0], out var first) || !TryDate(parts[1], out var last))
        {
            throw new UsageException(
                $"{option} must be START..END with ISO dates, both days included, such as 2026-10-05..2026-10-11; not '{text}'.");
        }

        return last < first
            ? throw new UsageException($"{option} {text} ends before it starts; write the earlier date first.")
            : new CycleDates(first, last);
    }

    public override string ToString() => FormattableString.Invariant($"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}");

    /// <summary>A stored cycle's window, [start, end), as START..END with both days included.</summary>
    public static string Describe(DateTime start, DateTime end) =>
        new CycleDates(DateOnly.FromDateTime(start), DateOnly.FromDateTime(end.AddTicks(-1))).ToString();

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

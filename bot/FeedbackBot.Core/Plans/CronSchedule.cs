using System.Diagnostics.CodeAnalysis;

namespace FeedbackBot.Core.Plans;

/// <summary>
/// A standard five-field cron expression (minute hour day-of-month month day-of-week), in which day-of-month and
/// day-of-week may not both be restricted: cron reads two restricted day fields as "either one", most authors mean
/// "both", and a schedule must mean one thing to the bot and to the scheduler that fires it.
/// </summary>
public sealed class CronSchedule
{
    private const int SearchYears = 5;
    private const string FieldOrder = "minute hour day-of-month month day-of-week";

    /// <summary>The most days each month can have, February in a leap year included.</summary>
    private static readonly int[] LongestMonths = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    private readonly string _expression;
    private readonly CronField _minute;
    private readonly CronField _hour;
    private readonly CronField _dayOfMonth;
    private readonly CronField _month;
    private readonly CronField _dayOfWeek;

    private CronSchedule(string expression, CronField[] fields)
    {
        _expression = expression;
        (_minute, _hour, _dayOfMonth, _month, _dayOfWeek) = (fields[0], fields[1], fields[2], fields[3], fields[4]);
    }

    /// <summary>Reads a cron expression.</summary>
    /// <param name="expression">Five fields separated by spaces; each is <c>*</c>, a value, a range <c>a-b</c>, a step
    /// (<c>*/n</c>, <c>a-b/n</c>, <c>a/n</c>) or a comma-separated list of these. Months and days of the week may be
    /// given as three-letter English names, in any case.</param>
    /// <param name="schedule">The schedule, when the expression is valid.</param>
    /// <param name="error">What is wrong and what is expected, when it is not.</param>
    /// <returns>Whether the expression is valid.</returns>
    public static bool TryParse(
        string expression,
        [NotNullWhen(true)] out CronSchedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(expression);
        schedule = null;
        var text = expression.Trim();
        if (text.StartsWith('@'))
        {
            error = $"shortcuts such as '{text}' are not supported; write the five fields ({FieldOrder}), such as \"0 9 * * 1\" for 09:00 every Monday";
            return false;
        }

        var parts = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            var seconds = parts.Length == 6 ? "; there is no seconds field" : "";
            error = $"expected five fields ({FieldOrder}), got {parts.Length}{seconds}";
            return false;
        }

        CronFieldKind[] kinds =
            [CronFieldKind.Minute, CronFieldKind.Hour, CronFieldKind.DayOfMonth, CronFieldKind.Month, CronFieldKind.DayOfWeek];
        var fields = new CronField[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            if (!CronField.TryParse(parts[i], kinds[i], out var field, out error))
            {
                return false;
            }

            fields[i] = field;
        }

        var candidate = new CronSchedule(expression, fields);
        if (!candidate._dayOfMonth.IsUnrestricted && !candidate._dayOfWeek.IsUnrestricted)
        {
            // Cron fires when EITHER field matches, and most authors mean "and": refuse rather than guess.
            error = "day-of-month and day-of-week are both restricted, which cron reads as 'either one' and a plan must not leave ambiguous; restrict one of them and leave the other as *";
            return false;
        }

        if (!candidate.CanEverFire())
        {
            error = "the schedule never fires: none of the chosen months has the chosen day-of-month";
            return false;
        }

        schedule = candidate;
        error = null;
        return true;
    }

    /// <summary>
    /// The first instant strictly after <paramref name="after"/> at which the schedule fires, reading the expression
    /// as local time in <paramref name="zone"/>. A local time skipped when clocks go forward does not fire that day;
    /// a local time that occurs twice when clocks go back fires once, at its first occurrence.
    /// </summary>
    /// <param name="after">The instant to search from, exclusive.</param>
    /// <param name="zone">The time zone the expression is read in.</param>
    /// <returns>The instant, with the zone's offset at that instant; null when nothing fires within five years.</returns>
    public DateTimeOffset? GetNextOccurrence(DateTimeOffset after, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        // Clocks going back across midnight can put a later instant on the previous local date.
        var localDate = TimeZoneInfo.ConvertTime(after, zone).Date;
        var day = localDate == DateTime.MinValue.Date ? localDate : localDate.AddDays(-1);
        var latest = DateTime.MaxValue.Date.AddDays(-1);
        var last = day < latest.AddYears(-SearchYears - 1) ? day.AddYears(SearchYears).AddDays(1) : latest;
        for (; day <= last; day = day.AddDays(1))
        {
            if (!_month.Contains(day.Month) || !_dayOfMonth.Contains(day.Day) || !_dayOfWeek.Contains((int)day.DayOfWeek))
            {
                continue;
            }

            foreach (var hour in _hour.Values)
            {
                foreach (var minute in _minute.Values)
                {
                    if (ToInstant(day.AddHours(hour).AddMinutes(minute), zone) is { } instant && instant > after)
                    {
                        return instant;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The last instant at or before <paramref name="atOrBefore"/> at which the schedule fires, by the same rules as
    /// <see cref="GetNextOccurrence"/>. A scheduler may start a job late, or twice; this names the occurrence it was
    /// started for, so every start of the same occurrence agrees on it.
    /// </summary>
    /// <param name="atOrBefore">The instant to search back from, inclusive.</param>
    /// <param name="zone">The time zone the expression is read in.</param>
    /// <returns>The instant; null when nothing fired in the five years before it.</returns>
    public DateTimeOffset? GetLatestOccurrence(DateTimeOffset atOrBefore, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        // Widening windows keep a frequent schedule cheap (an every-minute cron looks an hour back, not years).
        foreach (var lookBack in LookBacks)
        {
            if (atOrBefore - DateTimeOffset.MinValue < lookBack)
            {
                break;
            }

            DateTimeOffset? latest = null;
            for (var next = GetNextOccurrence(atOrBefore - lookBack, zone); next is { } found && found <= atOrBefore; next = GetNextOccurrence(found, zone))
            {
                latest = found;
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }

    private static readonly TimeSpan[] LookBacks =
    [
        TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(367), TimeSpan.FromDays(366 * SearchYears),
    ];

    /// <summary>The expression as it was written.</summary>
    /// <returns>The original expression.</returns>
    public override string ToString() => _expression;

    private bool CanEverFire() =>
        _month.Values.Any(month => _dayOfMonth.Values.Any(day => day <= LongestMonths[month - 1]));

    /// <summary>The instant a local time names in a zone: null in a gap, the earlier one when it is ambiguous.</summary>
    private static DateTimeOffset? ToInstant(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        // The larger offset gives the earlier instant, which is the first time the clock shows this time.
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}

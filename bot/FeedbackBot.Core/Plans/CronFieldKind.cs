namespace FeedbackBot.Core.Plans;

/// <summary>One of the five positions of a cron expression: its name, the values it takes and the names it accepts.</summary>
internal sealed class CronFieldKind
{
    private CronFieldKind(string name, int min, int max, string[] names, int firstNamedValue)
    {
        Name = name;
        Min = min;
        Max = max;
        Names = names;
        FirstNamedValue = firstNamedValue;
    }

    public static CronFieldKind Minute { get; } = new("minute", 0, 59, [], 0);

    public static CronFieldKind Hour { get; } = new("hour", 0, 23, [], 0);

    public static CronFieldKind DayOfMonth { get; } = new("day-of-month", 1, 31, [], 1);

    public static CronFieldKind Month { get; } = new(
        "month", 1, 12, ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1);

    /// <summary>Days of the week, 0 to 7: cron accepts both 0 and 7 for Sunday.</summary>
    public static CronFieldKind DayOfWeek { get; } = new("day-of-week", 0, 7, ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], 0);

    public string Name { get; }

    public int Min { get; }

    public int Max { get; }

    /// <summary>Three-letter names, upper case, for the values from <see cref="FirstNamedValue"/> on.</summary>
    public IReadOnlyList<string> Names { get; }

    public int FirstNamedValue { get; }

    /// <summary>The largest value a match can hold: day-of-week's 7 is stored as 0.</summary>
    public int LastDistinct => this == DayOfWeek ? 6 : Max;

    /// <summary>What a value may be, for error messages.</summary>
    public string Expected => Names.Count == 0
        ? $"{Min}-{Max}"
        : $"{Min}-{Max} or {Names[0]}-{Names[^1]}";
}

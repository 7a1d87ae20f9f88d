using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FeedbackBot.Core.Plans;

/// <summary>Reads the time between reminders, written as a whole number of minutes, hours or days.</summary>
internal static class ReminderInterval
{
    public const string Format = "a whole number followed by m (minutes), h (hours) or d (days), such as 30m, 12h or 2d";

    private const long MinutesPerHour = 60;
    private const long MinutesPerDay = 24 * MinutesPerHour;
    private const long ShortestMinutes = 1;
    private const long LongestMinutes = 30 * MinutesPerDay;

    public static bool TryParse(string text, out TimeSpan interval, [NotNullWhen(false)] out string? error)
    {
        interval = TimeSpan.Zero;
        var digits = text.Length > 1 ? text[..^1] : "";
        long? unit = text.Length > 0 ? text[^1] switch
        {
            'm' => 1,
            'h' => MinutesPerHour,
            'd' => MinutesPerDay,
            _ => null,
        } : null;
        if (unit is null || digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            error = $"'{text}' is not a duration; expected {Format}";
            return false;
        }

        // A number too large to read is, to the author, simply too long.
        var minutes = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && amount <= LongestMinutes
            ? amount * unit.Value
            : long.MaxValue;
        if (minutes < ShortestMinutes)
        {
            error = $"'{text}' is too short; reminders must be at least 1m apart";
            return false;
        }

        if (minutes > LongestMinutes)
        {
            error = $"'{text}' is too long; reminders must be at most 30d apart";
            return false;
        }

        interval = TimeSpan.FromMinutes(minutes);
        error = null;
        return true;
    }
}

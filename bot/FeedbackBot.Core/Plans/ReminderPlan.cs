namespace FeedbackBot.Core.Plans;

/// <summary>How people who have not answered are reminded.</summary>
/// <param name="Count">At most this many reminders per cycle; zero means none.</param>
/// <param name="Interval">The least time between the invitation and a reminder, and between reminders.</param>
public sealed record ReminderPlan(int Count, TimeSpan Interval)
{
    /// <summary>No reminders.</summary>
    public static ReminderPlan None { get; } = new(0, TimeSpan.Zero);
}

using System.Globalization;
using Quartz;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// Every job's identity is derived from the id it works on, so scheduling the same thing twice finds and replaces
/// what is there instead of adding a second job. A job and its trigger share a key, except reminders (see
/// <see cref="ReminderTrigger"/>).
/// </summary>
public static class JobKeys
{
    public const string OpenCycleGroup = "open-cycle";
    public const string CloseCycleGroup = "close-cycle";
    public const string RemindGroup = "remind";
    public const string SystemGroup = "system";

    public const string PlanIdKey = "planId";
    public const string CycleIdKey = "cycleId";

    public static JobKey PlanSync { get; } = new("plan-sync", SystemGroup);

    public static JobKey WeeklySummary { get; } = new("weekly-summary", SystemGroup);

    public static JobKey OpenCycle(Guid planId) => new(Id(planId), OpenCycleGroup);

    public static JobKey CloseCycle(Guid cycleId) => new(Id(cycleId), CloseCycleGroup);

    public static JobKey Remind(Guid cycleId) => new(Id(cycleId), RemindGroup);

    public static TriggerKey TriggerOf(JobKey job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new TriggerKey(job.Name, job.Group);
    }

    /// <summary>
    /// A reminder's trigger is named after the time it fires: the running reminder schedules the next one while its
    /// own trigger is still being completed, and a distinct key keeps Quartz from removing the new one with the old.
    /// A rerun after a crash derives the same key and finds the trigger already there.
    /// </summary>
    public static TriggerKey ReminderTrigger(Guid cycleId, DateTimeOffset at) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{Id(cycleId)}@{at.ToUnixTimeSeconds()}"), RemindGroup);

    public static string Id(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Reads a key as the command line and the admin page show it: <c>group.name</c>.</summary>
    public static bool TryParse(string? text, out JobKey key)
    {
        key = null!;
        var trimmed = text?.Trim();
        var dot = trimmed?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (trimmed is null || dot <= 0 || dot == trimmed.Length - 1)
        {
            return false;
        }

        key = new JobKey(trimmed[(dot + 1)..], trimmed[..dot]);
        return true;
    }

    public static string Format(JobKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return $"{key.Group}.{key.Name}";
    }

    public static Guid GetId(IJobExecutionContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = context.MergedJobDataMap.GetString(name);
        return Guid.TryParse(text, out var id)
            ? id
            : throw new JobExecutionException($"The job {Format(context.JobDetail.Key)} has no valid '{name}' in its data.");
    }
}

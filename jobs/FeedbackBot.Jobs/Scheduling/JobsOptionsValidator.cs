using FeedbackBot.Core.Plans;
using Microsoft.Extensions.Options;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>Rejects the scheduler's settings at start-up, each failure naming its key.</summary>
public sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.EnabledText) && !bool.TryParse(options.EnabledText.Trim(), out _))
        {
            failures.Add($"{JobsOptions.EnabledKey} must be true or false, not '{options.EnabledText}'.");
        }

        if (!CronSchedule.TryParse(options.WeeklySummaryCron, out _, out var cronError))
        {
            failures.Add($"{JobsOptions.WeeklySummaryCronKey} '{options.WeeklySummaryCron}' is not a schedule: {cronError}.");
        }

        if (options.PeopleSyncEnabled && !CronSchedule.TryParse(options.PeopleSyncSchedule, out _, out var syncError))
        {
            failures.Add($"{JobsOptions.PeopleSyncScheduleKey} '{options.PeopleSyncSchedule}' is not a schedule: {syncError}; use a cron expression such as '{JobsOptions.DefaultPeopleSyncSchedule}', or {JobsOptions.Off}.");
        }

        if (options.QaRetentionEnabled && !CronSchedule.TryParse(options.QaRetentionSchedule, out _, out var retentionError))
        {
            failures.Add($"{JobsOptions.QaRetentionScheduleKey} '{options.QaRetentionSchedule}' is not a schedule: {retentionError}; use a cron expression such as '{JobsOptions.DefaultQaRetentionSchedule}', or {JobsOptions.Off}.");
        }

        if (options.ResponseRetentionEnabled && !CronSchedule.TryParse(options.ResponseRetentionSchedule, out _, out var responseRetentionError))
        {
            failures.Add($"{JobsOptions.ResponseRetentionScheduleKey} '{options.ResponseRetentionSchedule}' is not a schedule: {responseRetentionError}; use a cron expression such as '{JobsOptions.DefaultResponseRetentionSchedule}', or {JobsOptions.Off}.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"{JobsOptions.TimeZoneKey} '{options.TimeZone}' is not a known time zone; use an IANA name such as Europe/Berlin or UTC.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

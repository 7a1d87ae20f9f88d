namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// The scheduler's settings: <c>Jobs:Enabled</c>, <c>Jobs:WeeklySummaryCron</c>, <c>Jobs:TimeZone</c>, and when the
/// people rosters are synchronised, <c>People:SyncSchedule</c>, and when QA evaluations past their plan's retention are
/// deleted, <c>Qa:RetentionSchedule</c>, and when raw answers past their plan's retention are deleted,
/// <c>Retention:Schedule</c>.
/// </summary>
public sealed class JobsOptions
{
    public const string EnabledKey = "Jobs:Enabled";
    public const string WeeklySummaryCronKey = "Jobs:WeeklySummaryCron";
    public const string TimeZoneKey = "Jobs:TimeZone";
    public const string PeopleSyncScheduleKey = "People:SyncSchedule";
    public const string QaRetentionScheduleKey = "Qa:RetentionSchedule";
    public const string ResponseRetentionScheduleKey = "Retention:Schedule";

    public const string DefaultWeeklySummaryCron = "0 9 * * 1";
    public const string DefaultTimeZone = "UTC";

    /// <summary>Daily at 03:00 (in <c>Jobs:TimeZone</c>): before the working day, so a morning's cycle samples today's staff.</summary>
    public const string DefaultPeopleSyncSchedule = "0 3 * * *";

    /// <summary>Daily at 02:30 (in <c>Jobs:TimeZone</c>): a quiet hour, before the people sync and the working day.</summary>
    public const string DefaultQaRetentionSchedule = "30 2 * * *";

    /// <summary>Daily at 02:45 (in <c>Jobs:TimeZone</c>): after the QA retention, before the people sync.</summary>
    public const string DefaultResponseRetentionSchedule = "45 2 * * *";

    /// <summary>
    /// The <c>People:SyncSchedule</c>, <c>Qa:RetentionSchedule</c> or <c>Retention:Schedule</c> that turns that job off (<c>feedbackbot people sync</c>
    /// still works).
    /// </summary>
    public const string Off = "off";

    /// <summary>As configured; empty means true. False: this instance serves the overview but runs no jobs.</summary>
    public string? EnabledText { get; set; }

    /// <summary>Five-field cron, like a plan's schedule.</summary>
    public string WeeklySummaryCron { get; set; } = DefaultWeeklySummaryCron;

    /// <summary>The IANA zone the weekly summary's cron is read in.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Five-field cron in <see cref="TimeZone"/>, or <see cref="Off"/>.</summary>
    public string PeopleSyncSchedule { get; set; } = DefaultPeopleSyncSchedule;

    public bool PeopleSyncEnabled => !string.Equals(PeopleSyncSchedule.Trim(), Off, StringComparison.OrdinalIgnoreCase);

    /// <summary>Five-field cron in <see cref="TimeZone"/>, or <see cref="Off"/>: evaluations are then kept past their retention.</summary>
    public string QaRetentionSchedule { get; set; } = DefaultQaRetentionSchedule;

    public bool QaRetentionEnabled => !string.Equals(QaRetentionSchedule.Trim(), Off, StringComparison.OrdinalIgnoreCase);

    /// <summary>Five-field cron in <see cref="TimeZone"/>, or <see cref="Off"/>: raw answers are then kept past their retention.</summary>
    public string ResponseRetentionSchedule { get; set; } = DefaultResponseRetentionSchedule;

    public bool ResponseRetentionEnabled => !string.Equals(ResponseRetentionSchedule.Trim(), Off, StringComparison.OrdinalIgnoreCase);

    public bool Enabled => string.IsNullOrWhiteSpace(EnabledText) || !bool.TryParse(EnabledText.Trim(), out var enabled) || enabled;

    public static JobsOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new JobsOptions
        {
            EnabledText = configuration[EnabledKey],
            WeeklySummaryCron = NonEmpty(configuration[WeeklySummaryCronKey]) ?? DefaultWeeklySummaryCron,
            TimeZone = NonEmpty(configuration[TimeZoneKey]) ?? DefaultTimeZone,
            PeopleSyncSchedule = NonEmpty(configuration[PeopleSyncScheduleKey]) ?? DefaultPeopleSyncSchedule,
            QaRetentionSchedule = NonEmpty(configuration[QaRetentionScheduleKey]) ?? DefaultQaRetentionSchedule,
            ResponseRetentionSchedule = NonEmpty(configuration[ResponseRetentionScheduleKey]) ?? DefaultResponseRetentionSchedule,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

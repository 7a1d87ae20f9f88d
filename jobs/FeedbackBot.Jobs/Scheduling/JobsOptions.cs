namespace FeedbackBot.Jobs.Scheduling;

/// <summary>The scheduler's settings: <c>Jobs:Enabled</c>, <c>Jobs:WeeklySummaryCron</c> and <c>Jobs:TimeZone</c>.</summary>
public sealed class JobsOptions
{
    public const string EnabledKey = "Jobs:Enabled";
    public const string WeeklySummaryCronKey = "Jobs:WeeklySummaryCron";
    public const string TimeZoneKey = "Jobs:TimeZone";

    public const string DefaultWeeklySummaryCron = "0 9 * * 1";
    public const string DefaultTimeZone = "UTC";

    /// <summary>As configured; empty means true. False: this instance serves the overview but runs no jobs.</summary>
    public string? EnabledText { get; set; }

    /// <summary>Five-field cron, like a plan's schedule.</summary>
    public string WeeklySummaryCron { get; set; } = DefaultWeeklySummaryCron;

    /// <summary>The IANA zone the weekly summary's cron is read in.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    public bool Enabled => string.IsNullOrWhiteSpace(EnabledText) || !bool.TryParse(EnabledText.Trim(), out var enabled) || enabled;

    public static JobsOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new JobsOptions
        {
            EnabledText = configuration[EnabledKey],
            WeeklySummaryCron = NonEmpty(configuration[WeeklySummaryCronKey]) ?? DefaultWeeklySummaryCron,
            TimeZone = NonEmpty(configuration[TimeZoneKey]) ?? DefaultTimeZone,
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

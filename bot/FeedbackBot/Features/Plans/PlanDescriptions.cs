using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Features.Plans;

/// <summary>How parts of a plan read in the command line's output.</summary>
internal static class PlanDescriptions
{
    public static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant() switch
        {
            "weblink" => "web_link",
            "informalfeedback" => "informal_feedback",
            "operationaldata" => "operational_data",
            "responserate" => "response_rate",
            var other => other,
        };

    public static string Schedule(PlanSchedule? schedule) =>
        schedule is null ? "by hand" : $"{schedule.Cron} ({schedule.TimeZone})";

    public static string Sample(SamplePlan sample) => sample.Method switch
    {
        SampleMethod.Everyone => "everyone",
        _ when sample.Size is { } size => $"stratified by {sample.StratifyBy}, {size} people",
        _ => $"stratified by {sample.StratifyBy}, sized for ±{Number(sample.MarginOfError ?? 0)} points at 95%",
    };

    public static string Reminders(ReminderPlan reminders) =>
        reminders.Count == 0 ? "none" : $"up to {reminders.Count}, at least {Duration(reminders.Interval)} apart";

    /// <summary>
    /// A question's wording with the answers it offers: its options, or the words of its scale's points as the
    /// respondent sees them ("1 – strongly disagree | ... | 5 – strongly agree").
    /// </summary>
    public static string QuestionText(Question question)
    {
        if (question.Options.Count > 0)
        {
            return $"{question.Text} [{string.Join(" | ", question.Options)}]";
        }

        if (AnswerValues.ScaleOf(question.Type) is not var (min, max))
        {
            return question.Text;
        }

        var worded = Enumerable.Range(min, max - min + 1)
            .Where(v => ScaleWords.Of(question, v) is not null)
            .Select(v => ScaleWords.Label(question, v))
            .ToList();
        return worded.Count == 0 ? question.Text : $"{question.Text} [{string.Join(" | ", worded)}]";
    }

    public static string Kpi(Kpi kpi)
    {
        var metric = kpi.Metric == KpiMetric.Operational ? kpi.OperationalMetric! : Name(kpi.Metric);
        var source = kpi.Question is null ? string.Empty : $" of {kpi.Question}";
        var comparison = kpi.Direction == KpiDirection.Higher ? ">=" : "<=";
        return $"{metric}{source}, target {comparison} {Number(kpi.Target)}";
    }

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays == Math.Floor(span.TotalDays) ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours == Math.Floor(span.TotalHours) ? $"{span.TotalHours:0}h"
        : $"{span.TotalMinutes:0}m";

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}

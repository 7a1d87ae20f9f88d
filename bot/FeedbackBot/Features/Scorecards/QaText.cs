using System.Globalization;
using System.Text;
using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Features.Scorecards;

/// <summary>The short readable text of <c>qa report</c> and <c>qa calibration</c>.</summary>
internal static class QaText
{
    public const string NotEnough = "not enough to tell";
    public const string NotReliable = "not reliable enough to act on";

    public static string Report(string planKey, string period, QaReport report)
    {
        var text = new StringBuilder();
        Line(text, $"QA report for plan {planKey}, {period}");
        Line(text, $"evaluations: {report.Evaluations} ({report.Scored} scored)");
        Line(text, $"average score: {Number(report.AverageScore)}");
        Line(text, $"pass rate: {Percent(report.PassRate)}");
        Line(text, $"critical fail rate: {Percent(report.CriticalFailRate)}");
        if (report.Criteria.Count > 0)
        {
            Line(text, "criteria:");
            foreach (var c in report.Criteria)
            {
                Line(text, $"  {c.Scorecard}/{c.Id}: {c.Passed} of {c.Applicable} passed ({Percent(c.PassRate)})");
            }
        }

        if (report.Agents.Count > 0)
        {
            Line(text, "agents:");
            foreach (var a in report.Agents)
            {
                Line(text, $"  {a.Agent}: {a.Evaluations} evaluation(s), average score {Number(a.AverageScore)}");
            }
        }

        if (report.Coverage.Count > 0)
        {
            Line(text, "coverage:");
            foreach (var c in report.Coverage)
            {
                Line(text, $"  {c.Agent} on {c.Channel.ToString().ToLowerInvariant()}: {c.Evaluations} of {c.Target}{(c.Met ? "" : " (below target)")}");
            }
        }

        return text.ToString();
    }

    public static string Calibration(string planKey, string period, CalibrationReport report)
    {
        var text = new StringBuilder();
        Line(text, $"Calibration of scorecard {report.Scorecard} in plan {planKey}, {period}");
        Line(text, $"score alpha: {Alpha(report.ScoreAlpha)} over {report.Interactions} interaction(s) scored by two or more evaluators");
        if (report.Criteria.Count > 0)
        {
            Line(text, "criteria:");
            foreach (var c in report.Criteria)
            {
                Line(text, $"  {c.Id} ({c.Metric.ToString().ToLowerInvariant()}): {Alpha(c.Alpha)} over {c.Interactions} interaction(s)");
            }
        }

        if (report.Evaluators.Count > 0)
        {
            Line(text, "evaluators (mean absolute deviation from the others' score):");
            foreach (var e in report.Evaluators)
            {
                Line(text, $"  {e.Evaluator}: {Number(e.MeanAbsoluteDeviation)} points over {e.Evaluations} evaluation(s)");
            }
        }

        return text.ToString();
    }

    private static string Alpha(double? alpha) => alpha switch
    {
        null => NotEnough,
        < Core.Scorecards.Calibration.ReliableAlpha => $"{Number(alpha, "0.000")}, {NotReliable}",
        _ => Number(alpha, "0.000"),
    };

    private static string Number(double? value, string format = "0.0") =>
        value?.ToString(format, CultureInfo.InvariantCulture) ?? "none";

    private static string Percent(double? value) => value is null ? "none" : Number(value) + "%";

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}

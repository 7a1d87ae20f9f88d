using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Analysis.Validation;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Builds a review from what a cycle collected: validation, KPIs against targets with trends, distributions,
/// segments, themes, complaints, strengths, shortfalls, gaps, recommendations and quality monitoring. A pure function of its input.
/// </summary>
public static class ReviewBuilder
{
    /// <summary>The review of the input's cycle.</summary>
    public static Review Build(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.Plan;
        var current = input.Current;
        var minimum = plan.MinimumGroupSize;

        var representativeness = RepresentativenessCheck.Assess(input);
        var validation = new ValidationReport(
            current.Received,
            current.Usable,
            Enum.GetValues<ResponseClass>()
                .Where(c => c != ResponseClass.Usable)
                .ToDictionary(ResponseClassNames.Of, c => current.ByClass.GetValueOrDefault(c), StringComparer.Ordinal),
            current.StraightLiners,
            plan.Validation.ExcludeStraightLiners,
            representativeness);

        var kpis = MetricEvaluation.Evaluate(input, representativeness.Population);

        var taxonomy = ThemeTaxonomy.WithPlanThemes(plan.Themes);
        var themesNow = Themes(taxonomy, current, input.Complaints, input.Feedback);
        var themesBefore = input.Previous is null && input.PreviousComplaints is null
            ? null
            : Themes(taxonomy, input.Previous, input.PreviousComplaints ?? [], []);
        var themeReport = ThemeAnalysis.Report(taxonomy, themesNow, themesBefore, minimum);

        var window = current.Window;
        var complaints = plan.Methods.Contains(CollectionMethod.Complaints) || input.Complaints.Count > 0
            ? ComplaintAnalysis.Summarise(input.Complaints, input.PreviousComplaints, window, minimum)
            : null;

        var changes = QuestionChanges.Compare(plan, current, input.Previous);
        var strengths = StrengthRules.Strengths(input, kpis, changes, themeReport);
        var quality = QualityMonitoringAnalysis.Summarise(input);
        var shortfalls = FindingRules.Shortfalls(plan, kpis, themeReport, input.Rules)
            .Concat(QualityMonitoringAnalysis.Shortfalls(quality, input))
            .ToList();
        var surveyComments = plan.Questions.Where(q => q.Type == QuestionType.Text).Sum(q => current.Questions[q.Id].Answered);
        var gaps = GapAnalysis.StaffVersusCustomer(input)
            .Concat(GapAnalysis.ComplaintsVersusSurvey(
                themesNow, themeReport, complaints?.Total ?? 0, surveyComments, minimum, input.Rules))
            .Concat(QualityMonitoringAnalysis.Gaps(quality, input.Rules))
            .ToList();
        var cycleEnd = DateOnly.FromDateTime(window.End.AddTicks(-1));
        var drivers = DriverAnalysis.Analyse(plan, current);
        var recommendations = RecommendationBuilder.Build(plan, kpis, shortfalls, gaps, themeReport, cycleEnd, input.Rules, quality, drivers);
        var metrics = kpis.Select(k => k.Result).ToList();
        var distributions = Distributions.Of(plan, current);
        var value = ValueAnalysis.Evaluate(plan.Value, plan, metrics, distributions, complaints);
        if (value is not null)
        {
            recommendations = [.. recommendations.Select(r => r with { ValueIfMet = ValueAnalysis.IfMet(plan.Value, r, metrics, distributions) })];
        }

        return new Review(
            new ReviewPlan(plan.Id, plan.Name, input.PlanVersion, minimum),
            new ReviewCycle(window.Start, window.End, input.Previous is { } p ? new CycleSpan(p.Window.Start, p.Window.End) : null),
            validation,
            metrics,
            distributions,
            MetricEvaluation.Segments(input),
            themeReport,
            complaints,
            strengths,
            shortfalls,
            gaps,
            recommendations,
            quality,
            Value: value,
            Drivers: drivers,
            QuestionChanges: [.. changes.Select(c => c.Change)]);
    }

    private static ThemeCounts Themes(
        ThemeTaxonomy taxonomy, CycleTallies? tallies, IReadOnlyList<ComplaintRecord> complaints, IReadOnlyList<Comment> feedback)
    {
        var accumulator = new ThemeAccumulator(taxonomy);
        if (tallies is not null)
        {
            accumulator.Merge(tallies.Comments);
        }

        foreach (var complaint in complaints)
        {
            accumulator.Add(new Comment(complaint.Text, SourceNames.Complaint, Audience.Customer, complaint.Segment));
        }

        foreach (var comment in feedback)
        {
            accumulator.Add(comment);
        }

        return accumulator.Snapshot();
    }
}

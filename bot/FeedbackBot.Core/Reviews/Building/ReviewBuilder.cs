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
            representativeness,
            Sources(input, current.Window));

        var kpis = MetricEvaluation.Evaluate(input, representativeness.Population);

        var taxonomy = ThemeTaxonomy.WithPlanThemes(plan.Themes);
        var themesNow = Themes(taxonomy, current, input.Complaints, input.Feedback);
        var themesBefore = input.Previous is null && input.PreviousComplaints is null
            ? null
            : Themes(taxonomy, input.Previous, input.PreviousComplaints ?? [], []);
        var themeReport = ThemeAnalysis.Report(taxonomy, themesNow, themesBefore, minimum);

        var window = current.Window;
        var complaints = plan.Methods.Contains(CollectionMethod.Complaints) || input.Complaints.Count > 0
            ? ComplaintPatterns.Add(
                ComplaintAnalysis.Summarise(input.Complaints, input.PreviousComplaints, window, minimum),
                input.Complaints, window, EarlierCycles(input), plan.ComplaintResolutionStandard, Interactions(input))
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

    // Without the earlier cycles loaded, the previous cycle's complaints still give each category its change.
    private static IReadOnlyList<EarlierCycle> EarlierCycles(ReviewInput input) =>
        input.EarlierCycles
        ?? (input.Previous is { } previous && input.PreviousComplaints is { } complaints
            ? [new EarlierCycle(new CycleSpan(previous.Window.Start, previous.Window.End), complaints, input.PreviousOperational)]
            : []);

    /// <summary>
    /// The cycle's interaction volume: the interaction log's count, or else the operational metric
    /// <see cref="InteractionsMetric"/> for the whole service summed over the cycle, only when every day has a figure.
    /// </summary>
    private static long? Interactions(ReviewInput input)
    {
        if (input.Interactions is > 0)
        {
            return input.Interactions;
        }

        var days = SourceChecks.Days(input.Current.Window.Start, input.Current.Window.End);
        var volumes = input.Operational
            .Where(o => o.Metric == InteractionsMetric && o.Segment.Length == 0 && o.Date >= days[0] && o.Date <= days[^1])
            .GroupBy(o => o.Date)
            .ToDictionary(g => g.Key, g => g.Last().Value);

        // A missing day would make the rate look better than it is, so a partial volume gives no rate at all.
        return volumes.Count == days.Count && days.Count > 0 ? (long)Math.Round(volumes.Values.Sum()) : null;
    }

    /// <summary>The operational metric that, when imported daily, gives the cycle's interaction volume.</summary>
    public const string InteractionsMetric = "interactions";

    private static List<SourceCheck> Sources(ReviewInput input, CycleWindow window)
    {
        var checks = new List<SourceCheck>();
        var earlier = EarlierCycles(input);
        if (input.Plan.Methods.Contains(CollectionMethod.Complaints) || input.Complaints.Count > 0)
        {
            checks.Add(SourceChecks.CheckComplaints(input.Complaints, window, earlier));
        }

        if (input.Plan.Methods.Contains(CollectionMethod.OperationalData) || input.Operational.Count > 0)
        {
            checks.Add(SourceChecks.CheckOperations(input.Operational, window, earlier));
        }

        return checks;
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

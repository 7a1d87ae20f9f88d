using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>
/// Strengths beyond the KPIs: questions significantly better than last cycle, questions and features whose top-box share
/// reaches the plan's strength threshold, themes whose comments are overwhelmingly positive, and praise staff logged.
/// All strengths are then ranked by the strength of their evidence, one per question and theme, and capped.
/// </summary>
public static class StrengthRules
{
    /// <summary>
    /// The KPI strengths of <see cref="FindingRules.Strengths"/> with the others added, ranked (met targets, then
    /// significant improvements by p-value, top-box shares by how far past the threshold, themes by the lower bound of
    /// their positive share, logged praise by its count), without a second strength about a question or theme already
    /// named (a KPI's own finding first), and at most <see cref="ReviewRules.MaxStrengths"/> of them.
    /// </summary>
    public static IReadOnlyList<Finding> Strengths(
        ReviewInput input, IReadOnlyList<EvaluatedKpi> kpis, IReadOnlyList<ComparedQuestion> changes, ThemeReport themes)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(themes);
        var plan = input.Plan;
        var rules = input.Rules;
        var candidates = new List<Candidate>();
        foreach (var finding in FindingRules.Strengths(plan, kpis, themes, rules))
        {
            candidates.Add(finding.Kind switch
            {
                "met_with_margin" => new Candidate(finding, 0, 0),
                "improved" => new Candidate(finding, 1, -(finding.Evidence.PValue ?? 1)),
                _ => new Candidate(finding, 3, PositiveLowerBound(themes, finding.Evidence.Metric)),
            });
        }

        candidates.AddRange(Improvements(plan, changes, rules));
        candidates.AddRange(TopBoxes(plan, input.Current));
        candidates.AddRange(PositiveThemes(themes, rules));
        candidates.AddRange(Praise(input.Logged ?? [], rules));

        // Duplicates are dropped in the order found, so a KPI's own finding speaks for its question before the
        // question's mean or top box does: the KPI is the measure the plan agreed on.
        var questions = new HashSet<string>(StringComparer.Ordinal);
        var metrics = new HashSet<string>(StringComparer.Ordinal);
        var distinct = candidates.Where(c =>
            (c.Finding.Evidence.Question is not { } question || questions.Add(question)) && metrics.Add(c.Finding.Evidence.Metric));
        return [.. distinct.OrderBy(c => c.Tier).ThenByDescending(c => c.Score).Take(rules.MaxStrengths).Select(c => c.Finding)];
    }

    /// <summary>
    /// The share of a question's answers in its top box: 4 or 5 on a five-point scale, the best two points of other
    /// scales (1 and 2 where lower is better), yes for yes/no; null for other questions or no answers.
    /// </summary>
    public static (long TopBox, long N)? TopBox(MeasurementPlan plan, Question question, AnswerTally tally)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(tally);
        string[] top;
        long n;
        if (question.Type == QuestionType.YesNo)
        {
            top = ["yes"];
            n = tally.CountOf("yes") + tally.CountOf("no");
        }
        else if (AnswerValues.ScaleOf(question.Type) is var (min, max))
        {
            top = QuestionChanges.LowerIsBetter(plan, question) ? [Point(min), Point(min + 1)] : [Point(max - 1), Point(max)];
            n = Enumerable.Range(min, max - min + 1).Sum(p => tally.CountOf(Point(p)));
        }
        else
        {
            return null;
        }

        return n == 0 ? null : (top.Sum(tally.CountOf), n);
    }

    private static IEnumerable<Candidate> Improvements(MeasurementPlan plan, IReadOnlyList<ComparedQuestion> changes, ReviewRules rules)
    {
        foreach (var compared in changes)
        {
            var change = compared.Change;
            var lower = QuestionChanges.LowerIsBetter(plan, compared.Question);
            if (compared.Test.PValue >= rules.Alpha || change.Change == 0 || (change.Change < 0) != lower)
            {
                continue;
            }

            var yesNo = compared.Question.Type == QuestionType.YesNo;
            var metric = (yesNo ? "yes:" : "mean:") + compared.Question.Id;
            var (from, to) = yesNo
                ? (Percent(change.Previous) + " yes", Percent(change.Value) + " yes")
                : (Mean(change.Previous), Mean(change.Value) + " on average");
            var interval = compared.Current.Interval;
            var decimals = yesNo ? 1 : 2;
            yield return new Candidate(
                new Finding(
                    "improved",
                    $"Answers to “{compared.Question.Text}” have improved from {from} to {to} since the last cycle ({P(compared.Test.PValue)}).",
                    compared.Question.Feature,
                    new Evidence(
                        metric,
                        change.Value,
                        null,
                        change.N,
                        [Math.Round(interval.Low, decimals, MidpointRounding.AwayFromZero), Math.Round(interval.High, decimals, MidpointRounding.AwayFromZero)],
                        change.Previous,
                        change.Change,
                        change.PValue,
                        [],
                        compared.Question.Text,
                        compared.Question.Id)),
                1,
                -compared.Test.PValue);
        }
    }

    // Questions a csat, agree or fcr KPI is computed from are left to that KPI: its agreed target, not the plan-wide
    // threshold, says whether their top-box share is good enough.
    private static IEnumerable<Candidate> TopBoxes(MeasurementPlan plan, CycleTallies current)
    {
        var threshold = plan.StrengthThresholdOrDefault;
        var judgedByKpi = plan.Kpis
            .Where(k => k.Metric is KpiMetric.Csat or KpiMetric.Agree or KpiMetric.Fcr && k.Question is not null)
            .Select(k => k.Question!)
            .ToHashSet(StringComparer.Ordinal);
        var byFeature = new Dictionary<string, (long Top, long N, int Questions)>(StringComparer.Ordinal);
        var featuresNamed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in plan.Questions)
        {
            if (!current.Questions.TryGetValue(question.Id, out var tally) || TopBox(plan, question, tally) is not var (top, n)
                || n < plan.MinimumGroupSize)
            {
                continue;
            }

            if (question.Feature is { } feature)
            {
                var (sumTop, sumN, count) = byFeature.GetValueOrDefault(feature);
                byFeature[feature] = (sumTop + top, sumN + n, count + 1);
            }

            var share = 100.0 * top / n;
            if (judgedByKpi.Contains(question.Id) || share < threshold)
            {
                continue;
            }

            if (question.Feature is { } named)
            {
                featuresNamed.Add(named);
            }

            var wilson = Proportions.Wilson(top, n);
            yield return new Candidate(
                new Finding(
                    "top_box",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Percent(share)} of answers to “{question.Text}” are {TopWords(plan, question)}, at or above the plan's strength threshold of {threshold}%."),
                    question.Feature,
                    new Evidence(
                        "top_box:" + question.Id,
                        Rounding.Percent(share),
                        threshold,
                        n,
                        [Rounding.Percent(100 * wilson.Low), Rounding.Percent(100 * wilson.High)],
                        null,
                        null,
                        null,
                        [],
                        question.Text,
                        question.Id)),
                2,
                share - threshold);
        }

        // A feature asked about in several questions is a strength as a whole when their answers pooled reach the
        // threshold though no one question does. No interval: one respondent answers several of the questions, so the
        // pooled answers are not independent draws.
        foreach (var (feature, (top, n, count)) in byFeature.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var share = 100.0 * top / n;
            if (count < 2 || featuresNamed.Contains(feature) || share < threshold)
            {
                continue;
            }

            yield return new Candidate(
                new Finding(
                    "top_box",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{Percent(share)} of answers to the {count} questions about {feature.Replace('_', ' ')} are in their top box, at or above the plan's strength threshold of {threshold}%."),
                    feature,
                    new Evidence("top_box:" + feature, Rounding.Percent(share), threshold, n, null, null, null, null, [], $"Top box on {feature.Replace('_', ' ')}")),
                2,
                share - threshold);
        }
    }

    // A theme any share of comments mention is a strength when enough of them are positive that the lean is not chance:
    // at least the minimum count, the positive share at or above the rule's, and its Wilson lower bound above a half.
    private static IEnumerable<Candidate> PositiveThemes(ThemeReport themes, ReviewRules rules)
    {
        foreach (var theme in themes.Items)
        {
            if (theme is not { Suppressed: false, Count: { } count, Positive: { } positive } || count < rules.PositiveThemeMinimum
                || 100.0 * positive / count < rules.PositiveThemeShare || Proportions.Wilson(positive, count).Low <= 0.5)
            {
                continue;
            }

            var wilson = Proportions.Wilson(positive, count);
            yield return new Candidate(
                new Finding(
                    "theme",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{theme.Label}: {positive} of the {count} comments about it are positive ({Percent(100.0 * positive / count)}; 95% interval {Percent(100 * wilson.Low)} to {Percent(100 * wilson.High)})."),
                    theme.Feature,
                    EvidenceOf.Theme(theme)),
                3,
                wilson.Low);
        }
    }

    // Logged praise is a strength of a feature when staff logged at least the rule's count of it in the cycle and more
    // praise than complaints about that feature.
    private static IEnumerable<Candidate> Praise(IReadOnlyList<LoggedFeedback> logged, ReviewRules rules)
    {
        foreach (var feature in logged.GroupBy(l => l.Feature, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var praise = feature.Where(l => l.Praise).ToList();
            var total = feature.Count();
            if (praise.Count < rules.PraiseMinimum || praise.Count <= total - praise.Count)
            {
                continue;
            }

            var words = feature.Key.Replace('_', ' ');
            var share = Rounding.Percent(100.0 * praise.Count / total);
            yield return new Candidate(
                new Finding(
                    "praise",
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Staff logged praise from customers about {words} {praise.Count} times this cycle, against {total - praise.Count} complaints."),
                    feature.Key,
                    new Evidence(
                        "praise:" + feature.Key,
                        share,
                        null,
                        total,
                        null,
                        null,
                        null,
                        null,
                        [.. praise.Select(p => QuoteText.Of(p.Text)).Distinct(StringComparer.Ordinal).Take(3)],
                        $"Praise among feedback logged about {words}")),
                4,
                praise.Count);
        }
    }

    private static double PositiveLowerBound(ThemeReport themes, string metric) =>
        themes.Items.FirstOrDefault(t => "theme:" + t.Id == metric) is { Count: { } count, Positive: { } positive } && count > 0
            ? Proportions.Wilson(positive, count).Low
            : 0;

    private static string TopWords(MeasurementPlan plan, Question question) => question.Type switch
    {
        QuestionType.YesNo => "yes",
        QuestionType.Rating5 or QuestionType.Agree5 => "4 or 5",
        _ when AnswerValues.ScaleOf(question.Type) is var (min, max) => QuestionChanges.LowerIsBetter(plan, question)
            ? $"{Point(min)} or {Point(min + 1)}"
            : $"{Point(max - 1)} or {Point(max)}",
        _ => "in the top box",
    };

    private static string Point(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Mean(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(double p) => p < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.###}");

    private sealed record Candidate(Finding Finding, int Tier, double Score);
}

using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Evaluates each KPI of a plan against its target, overall and per segment, with its trend.</summary>
public static class MetricEvaluation
{
    /// <summary>Every KPI of the plan, in plan order.</summary>
    public static IReadOnlyList<EvaluatedKpi> Evaluate(ReviewInput input, long? population)
    {
        ArgumentNullException.ThrowIfNull(input);
        return [.. input.Plan.Kpis.Select(kpi => Evaluate(input, kpi, population))];
    }

    /// <summary>Survey and operational KPIs per segment; survey KPIs of segments below the minimum group size say not_enough_data.</summary>
    public static IReadOnlyList<SegmentMetric> Segments(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var plan = input.Plan;
        var result = new List<SegmentMetric>();
        foreach (var kpi in plan.Kpis)
        {
            if (kpi.Question is { } questionId)
            {
                result.AddRange(Breakdown(kpi, questionId, input.Current.BySegment, string.Empty, plan.MinimumGroupSize));

                // Customers asked about an interaction: the same KPI per agent and per channel, each its own breakdown.
                result.AddRange(Breakdown(kpi, questionId, input.Current.ByAgent, AgentPrefix, plan.MinimumGroupSize));
                result.AddRange(Breakdown(kpi, questionId, input.Current.ByChannel, ChannelPrefix, plan.MinimumGroupSize));
            }
            else if (kpi.Metric == KpiMetric.Operational)
            {
                // Operational figures describe the service, not people, so segments are not suppressed by group size.
                foreach (var group in input.Operational
                    .Where(o => o.Metric == kpi.OperationalMetric && o.Segment.Length > 0)
                    .GroupBy(o => o.Segment, StringComparer.Ordinal)
                    .OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var estimate = KpiCalculator.FromObservations(kpi, [.. group.Select(o => o.Value)])!;
                    result.Add(new SegmentMetric(
                        kpi.Id,
                        group.Key,
                        Rounding.Value(estimate.Value, kpi.Metric),
                        estimate.N,
                        Interval(estimate, kpi.Metric),
                        KpiStatus.Of(estimate.Value, estimate.Interval.Low, estimate.Interval.High, kpi.Target, kpi.Direction)));
                }
            }
        }

        return result;
    }

    /// <summary>How a KPI's segment per agent of the interaction asked about is named: "agent: Sam Lee".</summary>
    public const string AgentPrefix = "agent: ";

    /// <summary>How a KPI's segment per channel of the interaction asked about is named: "channel: phone".</summary>
    public const string ChannelPrefix = "channel: ";

    private static IEnumerable<SegmentMetric> Breakdown(
        Kpi kpi, string questionId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, AnswerTally>>? groups, string prefix, int minimumGroupSize)
    {
        if (groups is null || groups.Count == 0)
        {
            return [];
        }

        var estimates = groups.ToDictionary(
            s => s.Key,
            s => s.Value.TryGetValue(questionId, out var tally) ? KpiCalculator.FromAnswers(kpi, tally, null) : null,
            StringComparer.Ordinal);
        var withheld = GroupSuppression.Withheld(estimates.ToDictionary(e => e.Key, e => e.Value?.N ?? 0, StringComparer.Ordinal), minimumGroupSize);
        return [.. estimates.OrderBy(s => s.Key, StringComparer.Ordinal).Select(pair =>
        {
            var (segment, estimate) = (prefix + pair.Key, pair.Value);
            return estimate is null || withheld.Contains(pair.Key)
                ? new SegmentMetric(kpi.Id, segment, null, null, null, KpiStatus.NotEnoughData)
                : new SegmentMetric(
                    kpi.Id,
                    segment,
                    Rounding.Value(estimate.Value, kpi.Metric),
                    estimate.N,
                    Interval(estimate, kpi.Metric),
                    KpiStatus.Of(estimate.Value, estimate.Interval.Low, estimate.Interval.High, kpi.Target, kpi.Direction));
        })];
    }

    private static EvaluatedKpi Evaluate(ReviewInput input, Kpi kpi, long? population)
    {
        var plan = input.Plan;
        var question = kpi.Question is null ? null : plan.FindQuestion(kpi.Question);
        var feature = question?.Feature;
        KpiEstimate? current;
        KpiEstimate? previous;
        string? note = null;
        string? missing = null;
        switch (kpi.Metric)
        {
            case KpiMetric.ResponseRate:
                current = input.Invitations is { Invited: > 0 } invited ? KpiCalculator.ResponseRate(input.Current.Usable, invited.Invited) : null;
                previous = input.Previous is { } before && input.PreviousInvitations is { Invited: > 0 } invitedBefore
                    ? KpiCalculator.ResponseRate(before.Usable, invitedBefore.Invited)
                    : null;
                // Not withheld below the minimum group size: a rate says only how many answered, which the
                // validation's counts show anyway, and its interval over the invitations says how little a few tell.
                if (current is null)
                {
                    note = "No invitations were sent for this cycle, so there is no response rate.";
                    missing = "no invitations were sent for this cycle";
                }

                break;

            case KpiMetric.Operational:
                current = KpiCalculator.FromObservations(kpi, Observations(input.Operational, kpi.OperationalMetric!));
                previous = KpiCalculator.FromObservations(kpi, Observations(input.PreviousOperational, kpi.OperationalMetric!));
                if (current is null)
                {
                    note = $"No {kpi.OperationalMetric} figures were imported for this cycle.";
                    missing = $"no {kpi.OperationalMetric!.Replace('_', ' ')} figures were imported for this cycle";
                }

                break;

            default:
                current = KpiCalculator.FromAnswers(kpi, input.Current.Questions[kpi.Question!], population);
                previous = input.Previous is { } earlier && earlier.Questions.TryGetValue(kpi.Question!, out var earlierTally)
                    ? KpiCalculator.FromAnswers(kpi, earlierTally, population)
                    : null;
                if (current is null || current.N < plan.MinimumGroupSize)
                {
                    note = NotEnough(plan.MinimumGroupSize, "answers");
                    missing = Fewer(plan.MinimumGroupSize, "answers");
                    current = null;
                }

                if (previous is not null && previous.N < plan.MinimumGroupSize)
                {
                    previous = null;
                }

                break;
        }

        var trend = current is not null && previous is not null ? KpiCalculator.Compare(current, previous) : null;
        var status = current is null ? KpiStatus.NotEnoughData : KpiStatus.Of(current.Value, current.Interval.Low, current.Interval.High, kpi.Target, kpi.Direction);
        var value = Rounding.Value(current?.Value, kpi.Metric);
        var name = MetricNames.Heading(kpi, question?.Audience);
        var result = new MetricResult(
            kpi.Id,
            kpi.Metric == KpiMetric.Operational ? kpi.OperationalMetric! : MetricNames.Of(kpi.Metric),
            kpi.Question,
            feature,
            value,
            current?.N,
            current is null ? null : Interval(current, kpi.Metric),
            Rounding.Value(current?.MarginOfError, kpi.Metric),
            kpi.Target,
            kpi.Direction == KpiDirection.Higher ? "higher" : "lower",
            status,
            Rounding.Value(KpiStatus.Gap(current?.Value, kpi.Target, kpi.Direction), kpi.Metric),
            Rounding.Value(previous?.Value, kpi.Metric),
            current is not null && previous is not null ? Rounding.Value(current.Value - previous.Value, kpi.Metric) : null,
            Rounding.PValue(trend?.PValue),
            Rounding.Effect(trend?.EffectSize),
            note,
            name,
            StatusSentence.Of(kpi, status, value, current?.N, missing));
        return new EvaluatedKpi(kpi, feature, current, previous, trend, result);
    }

    private static string NotEnough(int minimum, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"Not enough data: fewer than {minimum} {what}.");

    // Both callers withhold a figure for the plan's minimum group size: say so, so that a manager who sees their own
    // team's answer counted ("1 usable of 1 received") knows why no figure follows.
    private static string Fewer(int minimum, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"fewer than {minimum} {what}, the smallest group the plan reports on, so that no one's answers can be singled out");

    private static double[] Observations(IReadOnlyList<OperationalObservation> observations, string metric)
    {
        var whole = observations.Where(o => o.Metric == metric && o.Segment.Length == 0).Select(o => o.Value).ToArray();

        // Without whole-service figures, each segment's daily figure is one observation of the service.
        return whole.Length > 0 ? whole : [.. observations.Where(o => o.Metric == metric).Select(o => o.Value)];
    }

    private static double[] Interval(KpiEstimate estimate, KpiMetric metric) =>
        [Rounding.Value(estimate.Interval.Low, metric)!.Value, Rounding.Value(estimate.Interval.High, metric)!.Value];
}

using System.Globalization;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Computes each kind of KPI from tallied answers, and compares two estimates of the same kind.</summary>
public static class KpiCalculator
{
    /// <summary>
    /// The estimate of a survey KPI (csat, agree, nps, ces, fcr, mean) from one group's answers to its question; null when
    /// nobody answered it.
    /// </summary>
    public static KpiEstimate? FromAnswers(Kpi kpi, AnswerTally tally, long? population)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(tally);
        return kpi.Metric switch
        {
            KpiMetric.Csat or KpiMetric.Agree => Proportion(Count(tally, "4", "5"), NumericAnswers(tally), population),
            KpiMetric.Fcr => Proportion(tally.CountOf("yes"), tally.CountOf("yes") + tally.CountOf("no"), population),
            KpiMetric.Nps => NetPromoterScore(tally, population),
            KpiMetric.Ces or KpiMetric.Mean => MeanOf(kpi, tally, population),
            _ => throw new ArgumentException($"KPI '{kpi.Id}' ({kpi.Metric}) is not computed from answers.", nameof(kpi)),
        };
    }

    /// <summary>Usable responses as a percentage of people invited, with a Wilson interval.</summary>
    public static KpiEstimate? ResponseRate(long usable, long invited) =>
        invited <= 0 ? null : Proportion(Math.Min(usable, invited), invited, population: null);

    /// <summary>The mean of an operational metric's daily figures, with a t interval when there are two or more days.</summary>
    public static KpiEstimate? FromObservations(Kpi kpi, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var accumulator = new MeanAccumulator();
        foreach (var value in values)
        {
            accumulator.Add(value);
        }

        var n = accumulator.Count;
        var mean = accumulator.Mean;
        var sd = n > 1 ? accumulator.StandardDeviation : 0;
        var interval = n > 1 ? Means.TInterval(n, mean, sd) : new Interval(mean, mean);
        var unfavourable = (double)values.Count(v => kpi.Direction == KpiDirection.Higher ? v < kpi.Target : v > kpi.Target) / n;
        return new KpiEstimate(EstimateKind.Mean, mean, n, interval, interval.HalfWidth, 0, 0, 0, sd, unfavourable);
    }

    /// <summary>The two-sided test of <paramref name="current"/> against <paramref name="previous"/> that fits their kind.</summary>
    public static TestResult Compare(KpiEstimate current, KpiEstimate previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        if (current.Kind != previous.Kind)
        {
            throw new ArgumentException("Only estimates of the same kind can be compared.", nameof(previous));
        }

        return current.Kind switch
        {
            EstimateKind.Proportion => Proportions.Compare(current.Successes, current.N, previous.Successes, previous.N),
            EstimateKind.NetPromoter => NetPromoter.Compare(
                current.Promoters, current.Detractors, current.N, previous.Promoters, previous.Detractors, previous.N),
            _ when current.N < 2 || previous.N < 2 => new TestResult(0, 1, 0, null),
            _ => Means.Welch(current.N, current.Value, current.StandardDeviation, previous.N, previous.Value, previous.StandardDeviation),
        };
    }

    private static KpiEstimate? Proportion(long successes, long n, long? population)
    {
        if (n <= 0)
        {
            return null;
        }

        var wilson = Proportions.Wilson(successes, n);
        var p = (double)successes / n;
        return new KpiEstimate(
            EstimateKind.Proportion,
            100 * p,
            n,
            new Interval(100 * wilson.Low, 100 * wilson.High),
            100 * MarginOfError.ForProportion(p, n, population),
            successes,
            0,
            0,
            0,
            1 - p);
    }

    private static KpiEstimate? NetPromoterScore(AnswerTally tally, long? population)
    {
        var n = NumericAnswers(tally);
        if (n <= 0)
        {
            return null;
        }

        var promoters = Count(tally, "9", "10");
        var detractors = Count(tally, "0", "1", "2", "3", "4", "5", "6");
        return new KpiEstimate(
            EstimateKind.NetPromoter,
            NetPromoter.Score(promoters, detractors, n),
            n,
            NetPromoter.Interval(promoters, detractors, n),
            MarginOfError.ForNetPromoter(promoters, detractors, n, population),
            0,
            promoters,
            detractors,
            0,
            (double)detractors / n);
    }

    private static KpiEstimate? MeanOf(Kpi kpi, AnswerTally tally, long? population)
    {
        var (n, mean, sd) = tally.Moments();
        if (n == 0)
        {
            return null;
        }

        var spread = n > 1 ? sd : 0;
        var interval = n > 1 ? Means.TInterval(n, mean, spread) : new Interval(mean, mean);
        var margin = n > 1 ? MarginOfError.ForMean(spread, n, population) : 0;
        long unfavourable = 0;
        foreach (var (value, count) in tally.Counts)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                && (kpi.Direction == KpiDirection.Higher ? x < kpi.Target : x > kpi.Target))
            {
                unfavourable += count;
            }
        }

        return new KpiEstimate(EstimateKind.Mean, mean, n, interval, margin, 0, 0, 0, spread, (double)unfavourable / n);
    }

    private static long Count(AnswerTally tally, params string[] values) => values.Sum(tally.CountOf);

    // Only answers that are numbers count towards a scale KPI; the tally holds nothing else for scale questions.
    private static long NumericAnswers(AnswerTally tally)
    {
        long n = 0;
        foreach (var (value, count) in tally.Counts)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                n += count;
            }
        }

        return n;
    }
}

using System.Text.Json;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;

namespace FeedbackBot.Core.Tests.Reviews.Building;

public sealed class ReviewBuilderTests
{
    private static readonly string[] NorthSouth = ["north", "south"];

    // 40 respondents. sat: 32 of 40 give 4–5. rec: 20 promoters, 12 passives, 8 detractors. ease: 1,2,3,4 ten times
    // each. fcr: 20 yes, 20 no. speed: all 4.
    private static List<ResponseRecord> CurrentResponses(IReadOnlyList<string>? segments = null) => Responses(
        Current,
        "now",
        segments ?? NorthSouth,
        ("sat", Repeat(("5", 16), ("4", 16), ("3", 4), ("2", 4))),
        ("rec", Repeat(("10", 10), ("9", 10), ("8", 6), ("7", 6), ("6", 4), ("0", 4))),
        ("ease", Repeat(("1", 10), ("2", 10), ("3", 10), ("4", 10))),
        ("fcr", Repeat(("yes", 20), ("no", 20))),
        ("speed", Repeat(("4", 40))));

    // sat: 20 of 40 give 4–5; nothing else answered.
    private static List<ResponseRecord> PreviousResponses() =>
        Responses(Before, "before", NorthSouth, ("sat", Repeat(("5", 10), ("4", 10), ("2", 20))));

    private static Review BuildDefault()
    {
        var plan = Plan();
        return ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses()), Tally(plan, Before, PreviousResponses())));
    }

    private static MetricResult Metric(Review review, string id) => review.Metrics.Single(m => m.Id == id);

    [Fact]
    public void Build_Csat_IsShareOfFoursAndFivesWithWilsonInterval()
    {
        // p = 32/40 = 0.8, z² = 3.8415: centre (0.8 + 0.04802)/1.09604 = 0.77371, half-width
        // 1.96·√(0.004 + 0.00060)/1.09604 = 0.12129, so [65.2, 89.5]. The target 80 lies inside: at risk.
        var csat = Metric(BuildDefault(), "csat");

        Assert.Equal(80.0, csat.Value);
        Assert.Equal(40, csat.N);
        Assert.Equal([65.2, 89.5], csat.Ci95);
        Assert.Equal(KpiStatus.AtRisk, csat.Status);
        Assert.Equal(0.0, csat.Gap);
    }

    [Fact]
    public void Build_Nps_IsPromotersMinusDetractorsWithTheSpecifiedInterval()
    {
        // p+ = 0.5, p- = 0.2: NPS 30; ±1.96·√((0.5 + 0.2 − 0.09)/40)·100 = ±24.2.
        var nps = Metric(BuildDefault(), "nps");

        Assert.Equal(30.0, nps.Value);
        Assert.Equal([5.8, 54.2], nps.Ci95);
        Assert.Equal(KpiStatus.AtRisk, nps.Status);
    }

    [Fact]
    public void Build_CesBelowTargetByMoreThanTheMargin_IsMetAndAStrength()
    {
        // Mean 2.5, s = √(50/39) = 1.1323, t(0.975, 39) = 2.0227: ±0.362, so [2.14, 2.86], all below 3.
        var review = BuildDefault();
        var ces = Metric(review, "ces");

        Assert.Equal(2.5, ces.Value);
        Assert.Equal([2.14, 2.86], ces.Ci95);
        Assert.Equal(KpiStatus.Met, ces.Status);
        Assert.Equal(0.5, ces.Gap);
        Assert.Contains(review.Strengths, s => s.Kind == "met_with_margin" && s.Evidence.Metric == "ces");
    }

    [Fact]
    public void Build_FcrWholeIntervalBelowTarget_IsMissedWithARecommendation()
    {
        // 20/40: Wilson [35.2, 64.8], all below 70.
        var review = BuildDefault();
        var fcr = Metric(review, "fcr");

        Assert.Equal(50.0, fcr.Value);
        Assert.Equal([35.2, 64.8], fcr.Ci95);
        Assert.Equal(KpiStatus.Missed, fcr.Status);
        Assert.Equal(-20.0, fcr.Gap);
        Assert.Contains(review.Shortfalls, s => s.Kind == "missed" && s.Evidence.Metric == "fcr");

        var recommendation = Assert.Single(review.Recommendations, r => r.Feature == "resolution");
        Assert.Equal("fcr", recommendation.Evidence.Metric);
        Assert.Equal(50.0, recommendation.Evidence.Value);
        Assert.Equal(70, recommendation.Evidence.Target);
        Assert.Equal(40, recommendation.Evidence.N);

        // 20 points short, reaching the half who said no: 20 × 1.5 = 30.
        Assert.Equal(30.0, recommendation.Score);
        Assert.Equal("high", recommendation.Priority);
        Assert.Equal("service delivery manager", recommendation.OwnerRole);
        Assert.Contains("70.0%", recommendation.SuccessCriterion, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 2), recommendation.ReviewBy);
    }

    [Fact]
    public void Build_CsatUpFromPreviousCycle_ReportsChangeWithTwoProportionTest()
    {
        // 32/40 against 20/40: pooled 0.65, SE √(0.65·0.35·(2/40)) = 0.10665, z = 2.8128, p = 0.0049;
        // h = 2·asin(√0.8) − 2·asin(√0.5) = 0.6435.
        var review = BuildDefault();
        var csat = Metric(review, "csat");

        Assert.Equal(50.0, csat.Previous);
        Assert.Equal(30.0, csat.Change);
        Assert.Equal(0.0049, csat.PValue);
        Assert.Equal(0.644, csat.EffectSize);
        Assert.Contains(review.Strengths, s => s.Kind == "improved" && s.Evidence.Metric == "csat");
    }

    [Fact]
    public void Build_ExactlyOnTargetWithZeroSpread_IsMetButNotAStrength()
    {
        var review = BuildDefault();
        var speed = Metric(review, "speed");

        Assert.Equal(4.0, speed.Value);
        Assert.Equal(KpiStatus.Met, speed.Status);
        Assert.DoesNotContain(review.Strengths, s => s.Evidence.Metric == "speed");
    }

    [Fact]
    public void Build_FewerAnswersThanTheMinimumGroupSize_SaysNotEnoughDataAndRecommendsNothing()
    {
        var plan = Plan(minimumGroupSize: 50);

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses()), Tally(plan, Before, PreviousResponses())));

        Assert.All(review.Metrics, m =>
        {
            Assert.Equal(KpiStatus.NotEnoughData, m.Status);
            Assert.Null(m.Value);
            Assert.Null(m.N);
            Assert.Null(m.Ci95);
            Assert.Null(m.Previous);
            Assert.NotNull(m.Note);
        });
        Assert.All(review.Distributions, d => Assert.True(d.Suppressed));
        Assert.Empty(review.Recommendations);
        Assert.Empty(review.Strengths);
        Assert.Empty(review.Shortfalls);
    }

    [Fact]
    public void Build_SegmentBelowMinimumGroupSize_IsSuppressedEverywhere()
    {
        string[] segments = [.. Enumerable.Range(0, 40).Select(i => i < 3 ? "islands" : i % 2 == 0 ? "north" : "south")];
        var plan = Plan(population: new Dictionary<string, int> { ["north"] = 500, ["south"] = 500 });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses(segments))));

        Assert.All(review.Segments.Where(s => s.Segment == "islands"), s =>
        {
            Assert.Equal(KpiStatus.NotEnoughData, s.Status);
            Assert.Null(s.Value);
            Assert.Null(s.N);
        });
        var islands = review.Validation.Representativeness.Segments.Single(s => s.Segment == "islands");
        Assert.Null(islands.Respondents);
        Assert.Null(islands.ObservedShare);
    }

    [Fact]
    public void Build_OneSmallSegment_AlsoWithholdsTheNextSmallestSoTheTotalGivesNothingAway()
    {
        // islands 3, north 18, south 19: with islands alone withheld, 40 − 18 − 19 would give its 3 away.
        string[] segments = [.. Enumerable.Range(0, 40).Select(i => i < 3 ? "islands" : i % 2 == 0 ? "north" : "south")];
        var plan = Plan(population: new Dictionary<string, int> { ["north"] = 500, ["south"] = 500 });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses(segments))));

        var csat = review.Segments.Where(s => s.Kpi == "csat").ToDictionary(s => s.Segment);
        Assert.Null(csat["islands"].N);
        Assert.Null(csat["north"].N);
        Assert.Equal(19, csat["south"].N);
        var mix = review.Validation.Representativeness.Segments.ToDictionary(s => s.Segment);
        Assert.Null(mix["north"].Respondents);
        Assert.Equal(19, mix["south"].Respondents);
    }

    [Fact]
    public void Build_PopulationKnown_TestsTheMixAndCorrectsTheMargin()
    {
        // Usable north 18, south 19 against a 50/50 population: χ² = 2·0.5²/18.5 = 0.027, df 1, p = 0.8694.
        // Margin of CSAT: 1.96·√(0.8·0.2/40)·√((1000 − 40)/999) = 12.2 points.
        string[] segments = [.. Enumerable.Range(0, 40).Select(i => i < 3 ? "islands" : i % 2 == 0 ? "north" : "south")];
        var plan = Plan(population: new Dictionary<string, int> { ["north"] = 500, ["south"] = 500 });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses(segments))));

        var mix = review.Validation.Representativeness;
        Assert.Equal("population", mix.Basis);
        Assert.Equal(1000, mix.Population);
        Assert.Equal(0.027, mix.ChiSquare);
        Assert.Equal(1, mix.DegreesOfFreedom);
        Assert.Equal(0.8694, mix.PValue);
        Assert.Equal(12.2, Metric(review, "csat").MarginOfError);
    }

    [Fact]
    public void Build_Invitations_GiveResponseRateAndBasis()
    {
        var plan = Plan() with { Kpis = [new Kpi("rr", KpiMetric.ResponseRate, null, null, 50, KpiDirection.Higher)] };
        var invitations = new InvitationCounts(100, new Dictionary<string, int> { ["north"] = 50, ["south"] = 50 });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses()), invitations: invitations));

        // 40 usable of 100 invited: 40%, Wilson [30.9, 49.8], below 50: missed.
        var rate = Metric(review, "rr");
        Assert.Equal(40.0, rate.Value);
        Assert.Equal([30.9, 49.8], rate.Ci95);
        Assert.Equal(KpiStatus.Missed, rate.Status);
        Assert.Equal("invitations", review.Validation.Representativeness.Basis);
    }

    [Fact]
    public void Build_OperationalMetric_IsTheMeanOfDailyFiguresAgainstTarget()
    {
        // 50, 70, 60, 80: mean 65, s = √(500/3) = 12.910, t(0.975, 3) = 3.1824: ±20.54, so [44.46, 85.54].
        var plan = Plan() with { Kpis = [new Kpi("first_response", KpiMetric.Operational, "first_response_minutes", null, 60, KpiDirection.Lower)] };
        var day = new DateOnly(2026, 10, 12);
        OperationalObservation[] figures =
        [
            new(day, "first_response_minutes", "", 50),
            new(day.AddDays(1), "first_response_minutes", "", 70),
            new(day.AddDays(2), "first_response_minutes", "", 60),
            new(day.AddDays(3), "first_response_minutes", "", 80),
        ];

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, CurrentResponses()), operational: figures));

        var metric = Metric(review, "first_response");
        Assert.Equal("first_response_minutes", metric.Metric);
        Assert.Equal(65.0, metric.Value);
        Assert.Equal(4, metric.N);
        Assert.Equal([44.46, 85.54], metric.Ci95);
        Assert.Equal(KpiStatus.AtRisk, metric.Status);
        Assert.Equal(-5.0, metric.Gap);
    }

    [Fact]
    public void Build_ValidationCountsEveryReason()
    {
        var plan = Plan();
        var responses = CurrentResponses();
        responses.Add(responses[0] with { RespondentKey = "late", SubmittedAt = Current.End.AddHours(1) });
        responses.Add(responses[0] with { RespondentKey = "bad", Answers = new Dictionary<string, string> { ["sat"] = "9" } });
        responses.Add(responses[0] with { RespondentKey = "blank", Answers = new Dictionary<string, string> { ["rec"] = "9" } });
        responses.Add(responses[0] with { RespondentKey = "fast", DurationSeconds = 1 });
        responses.Add(responses[1] with { SubmittedAt = responses[1].SubmittedAt.AddMinutes(-5) });

        var review = ReviewBuilder.Build(Input(plan, Tally(plan, Current, responses)));

        Assert.Equal(45, review.Validation.Received);
        Assert.Equal(40, review.Validation.Usable);
        Assert.Equal(1, review.Validation.Excluded["outside_window"]);
        Assert.Equal(1, review.Validation.Excluded["out_of_range"]);
        Assert.Equal(1, review.Validation.Excluded["incomplete"]);
        Assert.Equal(1, review.Validation.Excluded["speeder"]);
        Assert.Equal(1, review.Validation.Excluded["duplicate"]);
        Assert.Equal(0, review.Validation.Excluded["straight_lined"]);
    }

    [Fact]
    public void Build_ResponsesInAnyOrder_GiveTheSameReview()
    {
        var plan = Plan();
        var responses = CurrentResponses();
        var reversed = Enumerable.Reverse(responses).ToList();
        var shuffled = responses.OrderBy(r => r.RespondentKey.GetHashCode(StringComparison.Ordinal)).ToList();

        var a = JsonSerializer.Serialize(ReviewBuilder.Build(Input(plan, Tally(plan, Current, responses))));
        var b = JsonSerializer.Serialize(ReviewBuilder.Build(Input(plan, Tally(plan, Current, reversed))));
        var c = JsonSerializer.Serialize(ReviewBuilder.Build(Input(plan, Tally(plan, Current, shuffled))));

        Assert.Equal(a, b);
        Assert.Equal(a, c);
    }
}

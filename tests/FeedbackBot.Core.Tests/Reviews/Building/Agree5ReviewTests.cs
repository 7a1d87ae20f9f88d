using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;
using static FeedbackBot.Core.Tests.Reviews.ReviewFixtures;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>Staff statements on the agree5 scale: their KPIs, their answer distributions and their gap with customers.</summary>
public sealed class Agree5ReviewTests
{
    private static readonly MeasurementPlan Staff = ParseValid("""
        id: staff
        name: Staff pulse
        audiences: [staff]
        features: [responsiveness]
        questions:
          - id: quick
            text: Customers get a response from us quickly.
            type: agree5
            feature: responsiveness
          - id: tools
            text: My tools help me.
            type: agree5
            labels: [Never, Rarely, Sometimes, Usually, Always]
        kpis:
          - id: quick_agree
            metric: agree
            question: quick
            target: 60
          - id: quick_mean
            metric: mean
            question: quick
            target: 4
        """);

    private static readonly MeasurementPlan Customers = ParseValid("""
        id: cx
        name: Customers
        audiences: [customer]
        features: [responsiveness]
        questions:
          - id: speed
            text: How satisfied were you with our speed?
            type: rating5
            feature: responsiveness
        """);

    // 40 staff. quick: sixteen 5s, twenty 4s, four 2s: 36 of 40 agree (90%), mean 168 / 40 = 4.2. tools: ten each of 2 to 5.
    private static readonly string[] Quick = Repeat(("5", 16), ("4", 20), ("2", 4));
    private static readonly string[] Tools = Repeat(("2", 10), ("3", 10), ("4", 10), ("5", 10));

    private static List<ResponseRecord> StaffResponses() => [.. Enumerable.Range(0, 40).Select(i => new ResponseRecord(
        $"s{i:D3}", Current.Start.AddHours(1 + i), Audience.Staff, null, 300,
        new Dictionary<string, string> { ["quick"] = Quick[i], ["tools"] = Tools[i] }))];

    private static Review Build(IReadOnlyList<Companion>? companions = null) =>
        ReviewBuilder.Build(Input(Staff, Tally(Staff, Current, StaffResponses()), companions: companions));

    [Fact]
    public void Build_AgreeKpi_IsTheShareOfFoursAndFivesReadAsPercentAgree()
    {
        var review = Build();
        var agree = review.Metrics.Single(m => m.Id == "quick_agree");
        var mean = review.Metrics.Single(m => m.Id == "quick_mean");

        Assert.Equal("agree", agree.Metric);
        Assert.Equal(90.0, agree.Value);
        Assert.Equal(40, agree.N);
        Assert.Equal(4.2, mean.Value);
        Assert.Equal("% agree on quick", MetricNames.Display(Staff.Kpis[0]));
        Assert.Equal("90.0%", MetricNames.Format(KpiMetric.Agree, 90));
    }

    [Fact]
    public void Build_Agree5Distribution_CarriesTheWordsOfEachPoint()
    {
        var review = Build();

        var quick = review.Distributions.Single(d => d.Question == "quick");
        Assert.Equal("agree5", quick.Type);
        Assert.Equal(
            ["strongly disagree", "disagree", "neither agree nor disagree", "agree", "strongly agree"],
            quick.Counts.Select(c => c.Label));
        Assert.Equal([0L, 4, 0, 20, 16], quick.Counts.Select(c => c.Count));

        var tools = review.Distributions.Single(d => d.Question == "tools");
        Assert.Equal(["Never", "Rarely", "Sometimes", "Usually", "Always"], tools.Counts.Select(c => c.Label));
    }

    [Fact]
    public void Build_StaffAgreeAgainstCustomerRating_IsAGapOnTheFeature()
    {
        // Customers: 12 of 40 give 4 or 5 (30%) against 90% of staff who agree.
        var customers = Enumerable.Range(0, 40).Select(i => new ResponseRecord(
            $"c{i:D3}", Current.Start.AddHours(1 + i), Audience.Customer, null, 300,
            new Dictionary<string, string> { ["speed"] = i < 12 ? "5" : "2" })).ToList();

        var review = Build([new Companion(Customers, Tally(Customers, Current, customers))]);

        var gap = Assert.Single(review.Gaps);
        Assert.Equal("staff_vs_customer", gap.Kind);
        Assert.Equal("responsiveness", gap.Feature);
        Assert.Equal(30.0, gap.First.Value);
        Assert.Equal(90.0, gap.Second.Value);
    }
}

using System.Text.RegularExpressions;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Reviews.Building;

namespace FeedbackBot.Core.Tests.Reviews.Building;

/// <summary>Every recommendation cites the KPI it is about, not another KPI of the same feature that happens to miss by more.</summary>
public sealed class RecommendationCitationTests
{
    private static readonly string[] Features = ["responsiveness", "reliability", "empathy", "resolution", "communication", "accessibility", "assurance"];

    private static readonly DateOnly CycleEnd = new(2026, 10, 18);

    [Fact]
    public void Build_FirstContactResolutionAtRiskBesideAWorseCsat_ResolveAtFirstContactCitesFirstContactResolution()
    {
        var plan = Plan(
            [Q("satisfaction", QuestionType.Rating5, "resolution"), Q("first_contact", QuestionType.YesNo, "resolution")],
            [new Kpi("csat", KpiMetric.Csat, null, "satisfaction", 85, KpiDirection.Higher), new Kpi("fcr", KpiMetric.Fcr, null, "first_contact", 75, KpiDirection.Higher)]);
        List<EvaluatedKpi> kpis = [Evaluated(plan, plan.Kpis[0], 78.8, KpiStatus.Missed), Evaluated(plan, plan.Kpis[1], 72.9, KpiStatus.AtRisk)];

        var recommendations = RecommendationBuilder.Build(plan, kpis, [], [], Empty, CycleEnd, ReviewRules.Default);

        var firstContact = recommendations.Single(r => r.Title == "Resolve more issues at the first contact");
        Assert.Equal(("fcr", 72.9, "First-contact resolution"), (firstContact.Evidence.Metric, firstContact.Evidence.Value, firstContact.Evidence.Label));
        Assert.Equal("First-contact resolution at or above 75.0%, the agreed target", firstContact.SuccessCriterion);
        var csat = recommendations.Single(r => r.Evidence.Metric == "csat");
        Assert.StartsWith("CSAT at or above 85.0%", csat.SuccessCriterion, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_NpsAskedOfStaff_IsEnps()
    {
        var kpi = new Kpi("recommend_team", KpiMetric.Nps, null, "recommend_team", 20, KpiDirection.Higher);

        Assert.Equal(("eNPS", "NPS"), (MetricNames.Heading(kpi, Audience.Staff), MetricNames.Heading(kpi, Audience.Customer)));
    }

    [Fact]
    public void Build_EveryDefaultRule_CitesTheKpiOfItsFeatureAndMetric()
    {
        var (plan, kpis) = Everything();
        var themes = Themes();
        var shortfalls = FindingRules.Shortfalls(plan, kpis, themes, ReviewRules.Default);
        var gap = new Gap(
            "staff_vs_customer", "Staff rate empathy more favourably than customers do.", "empathy",
            new Evidence("customer_rating:empathy", 60, null, 200, null, null, null, null, [], "Customers rating empathy 4 or 5"),
            new Evidence("staff_rating:empathy", 90, null, 40, null, null, null, null, [], "Staff rating empathy 4 or 5"),
            -30, 0.001);

        var callback = new QaFailedCriterion("phone-call", "callback", "Called back when promised", "responsiveness", 6, 2, 33.3);
        var quality = new QualityMonitoring(10, 60, 50, 0, [], [callback]);
        var qaShortfall = new Finding("qa_criterion", "Called back when promised fails.", "responsiveness", QualityMonitoringAnalysis.Evidence(callback, 80));

        // An act-first driver of a feature no other advice covers gets the driver rule's advice.
        var drivers = new Drivers("nps", "recommend", 0.3, 60, [new DriverItem("courtesy_sat", "courtesy", 0.5, [0.3, 0.66], 200, 40, DriverQuadrants.ActFirst)]);

        var recommendations = RecommendationBuilder.Build(plan, kpis, [.. shortfalls, qaShortfall], [gap], themes, CycleEnd, ReviewRules.Default, quality, drivers);

        var byKpi = kpis.ToDictionary(k => k.Kpi.Id);
        var themeIds = ThemeTaxonomy.Default.Themes.Select(t => t.Id).ToHashSet();
        Assert.All(DefaultRecommendations.All, rule =>
        {
            var made = Assert.Single(recommendations, r => Regex.IsMatch(r.Title, TitlePattern(rule)));
            var themeId = rule.Key.EndsWith("_theme", StringComparison.Ordinal) ? rule.Key[..^"_theme".Length] : rule.Key;
            if (rule.Key == "staff_vs_customer")
            {
                Assert.Equal("customer_rating:empathy", made.Evidence.Metric);
                Assert.StartsWith("The two views of empathy", made.SuccessCriterion, StringComparison.Ordinal);
            }
            else if (rule.Key == "driver")
            {
                Assert.Equal(("driver:courtesy_sat", "courtesy"), (made.Evidence.Metric, made.Feature));
                Assert.StartsWith("At least 60% favourable answers to \"courtesy_sat\"", made.SuccessCriterion, StringComparison.Ordinal);
            }
            else if (rule.Key == "qa_coaching")
            {
                Assert.Equal(("qa_criterion:phone-call/callback", "Called back when promised"), (made.Evidence.Metric, made.Evidence.Label));
                Assert.StartsWith("\"Called back when promised\" passed in at least 80%", made.SuccessCriterion, StringComparison.Ordinal);
            }
            else if (rule.Key.EndsWith("_theme", StringComparison.Ordinal) || (themeIds.Contains(rule.Key) && !Features.Contains(rule.Key)))
            {
                var theme = themes.Items.Single(t => t.Id == themeId);
                Assert.Equal(("theme:" + themeId, theme.Label), (made.Evidence.Metric, made.Evidence.Label));
                var own = kpis.Where(k => theme.Feature is not null && k.Feature == theme.Feature && rule.Covers(k.Result.Metric)).ToList();
                if (own.Count == 0)
                {
                    Assert.StartsWith("Fewer than", made.SuccessCriterion, StringComparison.Ordinal);
                }
                else
                {
                    Assert.Contains(own, k => made.SuccessCriterion.StartsWith(k.Result.Name + " at or", StringComparison.Ordinal));
                }
            }
            else
            {
                var cited = byKpi[made.Evidence.Metric];
                if (Features.Contains(rule.Key))
                {
                    Assert.Equal(rule.Key, cited.Feature);
                }

                if (rule.Metric is not null)
                {
                    Assert.Equal(rule.Metric, cited.Result.Metric);
                }

                Assert.Equal(cited.Result.Name, made.Evidence.Label);
                Assert.StartsWith(cited.Result.Name + " at or", made.SuccessCriterion, StringComparison.Ordinal);
            }
        });
    }

    // A plan where every feature has a CSAT, a CES and a first-contact KPI, all missed, CSAT by the most, beside a
    // customer NPS, a staff NPS, a response rate and an operational figure.
    private static (MeasurementPlan Plan, List<EvaluatedKpi> Kpis) Everything()
    {
        var questions = new List<Question>();
        var kpis = new List<Kpi>();
        foreach (var feature in Features)
        {
            questions.Add(Q($"{feature}_sat", QuestionType.Rating5, feature));
            questions.Add(Q($"{feature}_ease", QuestionType.Effort7, feature));
            questions.Add(Q($"{feature}_first", QuestionType.YesNo, feature));
            kpis.Add(new Kpi($"{feature}_csat", KpiMetric.Csat, null, $"{feature}_sat", 85, KpiDirection.Higher));
            kpis.Add(new Kpi($"{feature}_ces", KpiMetric.Ces, null, $"{feature}_ease", 2.5, KpiDirection.Lower));
            kpis.Add(new Kpi($"{feature}_fcr", KpiMetric.Fcr, null, $"{feature}_first", 75, KpiDirection.Higher));
        }

        questions.Add(Q("courtesy_sat", QuestionType.Rating5, "courtesy"));
        questions.Add(Q("recommend", QuestionType.Nps, null));
        questions.Add(Q("recommend_team", QuestionType.Nps, null, Audience.Staff));
        kpis.Add(new Kpi("nps", KpiMetric.Nps, null, "recommend", 30, KpiDirection.Higher));
        kpis.Add(new Kpi("enps", KpiMetric.Nps, null, "recommend_team", 20, KpiDirection.Higher));
        kpis.Add(new Kpi("response_rate", KpiMetric.ResponseRate, null, null, 30, KpiDirection.Higher));
        kpis.Add(new Kpi("handling", KpiMetric.Operational, "handling_minutes", null, 10, KpiDirection.Lower));
        var plan = Plan(questions, kpis);
        var values = new Dictionary<KpiMetric, double>
        {
            [KpiMetric.Csat] = 50,
            [KpiMetric.Ces] = 3.5,
            [KpiMetric.Fcr] = 65,
            [KpiMetric.Nps] = 0,
            [KpiMetric.ResponseRate] = 10,
            [KpiMetric.Operational] = 15,
        };
        return (plan, [.. kpis.Select(k => Evaluated(plan, k, values[k.Metric], KpiStatus.Missed))]);
    }

    private static ThemeReport Themes()
    {
        var items = ThemeTaxonomy.Default.Themes
            .Select(t => new ThemeItem(t.Id, t.Label, t.Feature, 40, 40, 30, 5, 5, null, null, new Dictionary<string, int>(), [$"A comment about {t.Label}."], false))
            .ToList();
        return new ThemeReport(100, 0, items);
    }

    private static readonly ThemeReport Empty = new(0, 0, []);

    private static string TitlePattern(RecommendationRule rule) =>
        "^" + Regex.Escape(rule.Title).Replace(@"\{feature}", ".+", StringComparison.Ordinal).Replace(@"\{metric}", ".+", StringComparison.Ordinal).Replace(@"\{theme}", ".+", StringComparison.Ordinal) + "$";

    private static EvaluatedKpi Evaluated(MeasurementPlan plan, Kpi kpi, double value, string status)
    {
        var feature = kpi.Question is null ? null : plan.FindQuestion(kpi.Question)?.Feature;
        var audience = kpi.Question is null ? (Audience?)null : plan.FindQuestion(kpi.Question)?.Audience;
        var estimate = new KpiEstimate(EstimateKind.Mean, value, 200, new Interval(value - 1, value + 1), 1, 0, 0, 0, 1, 0.4);
        var gap = KpiStatus.Gap(value, kpi.Target, kpi.Direction);
        var result = new MetricResult(
            kpi.Id, kpi.Metric == KpiMetric.Operational ? kpi.OperationalMetric! : MetricNames.Of(kpi.Metric), kpi.Question, feature, value, 200,
            [value - 1, value + 1], 1, kpi.Target, kpi.Direction == KpiDirection.Higher ? "higher" : "lower", status, gap, null, null, null, null, null,
            MetricNames.Heading(kpi, audience), null);
        return new EvaluatedKpi(kpi, feature, estimate, null, null, result);
    }

    private static MeasurementPlan Plan(IReadOnlyList<Question> questions, IReadOnlyList<Kpi> kpis) => new(
        "cx", "Customer experience", null, [Audience.Customer, Audience.Staff], Features, questions, kpis, [CollectionMethod.Survey], null, 7,
        SamplePlan.Everyone, 5, 0, ReminderPlan.None, [], new ValidationRules(2, false), new Dictionary<string, int>(), []);

    private static Question Q(string id, QuestionType type, string? feature, Audience audience = Audience.Customer) =>
        new(id, id, type, feature, false, audience, []);
}

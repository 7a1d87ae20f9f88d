using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;

namespace FeedbackBot.Core.Tests.Plans;

public class ExamplePlansTests
{
    private static readonly PlanParserOptions SystemTimeZones = new(id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _));

    [Theory]
    [InlineData("customer-experience.yaml")]
    [InlineData("staff-pulse.yaml")]
    public void Parse_ExamplePlan_HasNoErrors(string file)
    {
        var path = Path.Combine(FindRepositoryRoot(), "examples", "plans", file);

        var result = PlanParser.Parse(file, File.ReadAllText(path), SystemTimeZones);

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_CustomerExperienceExample_HasTheAgreedStandards()
    {
        var plan = Read("customer-experience.yaml");

        Assert.Equal([Audience.Customer], plan.Audiences);
        Assert.Equal(["responsiveness", "reliability", "empathy", "resolution", "communication"], plan.Features);
        Assert.Equal(
            [
                ("csat", KpiMetric.Csat, 85.0, KpiDirection.Higher),
                ("nps", KpiMetric.Nps, 30.0, KpiDirection.Higher),
                ("ces", KpiMetric.Ces, 2.5, KpiDirection.Lower),
                ("fcr", KpiMetric.Fcr, 75.0, KpiDirection.Higher),
                ("response_rate", KpiMetric.ResponseRate, 20.0, KpiDirection.Higher),
                ("first_response", KpiMetric.Operational, 60.0, KpiDirection.Lower),
            ],
            plan.Kpis.Select(k => (k.Id, k.Metric, k.Target, k.Direction)));
        Assert.Equal("first_response_minutes", plan.Kpis[^1].OperationalMetric);
        Assert.Equal(new SamplePlan(SampleMethod.Stratified, "region", null, 5), plan.Sample);
        Assert.Equal(3, plan.Population.Count);
        Assert.Equal([ChatChannel.Teams, ChatChannel.Slack], plan.PostTo.Select(p => p.Channel));
        Assert.Equal("Europe/London", plan.Schedule?.TimeZone);
    }

    [Fact]
    public void Parse_StaffPulseExample_MirrorsTheCustomerFeatures()
    {
        var staff = Read("staff-pulse.yaml");
        var customer = Read("customer-experience.yaml");

        Assert.Equal([Audience.Staff], staff.Audiences);
        Assert.Equal(customer.Features, staff.Features);
        Assert.All(staff.Questions, q => Assert.Equal(Audience.Staff, q.Audience));
        Assert.Same(SamplePlan.Everyone, staff.Sample);
        Assert.Equal(5, staff.MinimumGroupSize);
        Assert.Equal(new ReminderPlan(2, TimeSpan.FromDays(2)), staff.Reminders);
        Assert.Contains(staff.Questions, q => q.Type == QuestionType.Nps);
        Assert.Contains(staff.Questions, q => q.Type == QuestionType.Text);
        Assert.All(customer.Features, f => Assert.Contains(staff.Kpis, k => k.Metric == KpiMetric.Mean && staff.FindQuestion(k.Question!)?.Feature == f));
    }

    [Theory]
    [InlineData("customer-experience.yaml", "59d4dd5936535c7b260122900339a3922ee9e7f8e917ab725bef180848847f41")]
    [InlineData("staff-pulse.yaml", "f7bd15cfffd0912b5e67d479c0d7a044ac5f5dd5f4f11b7cd7a7184867f62ebd")]
    public void ContentHash_ExamplePlanWithoutScorecards_IsTheHashStoredBeforeScorecardsExisted(string file, string hash)
    {
        // The hashes were taken before plans could hold scorecards: a plan without them must keep its hash, or
        // re-applying an unchanged plan would store a new version of it. The customer plan has gained scorecards and a
        // complaint resolution standard since, so it is hashed without them.
        var plan = Read(file) with { Scorecards = null, QaTarget = null, QaRetentionDays = null, ComplaintResolutionStandard = null };

        Assert.Equal(hash, PlanJson.ContentHash(plan));
    }

    [Fact]
    public void CustomerExperience_ComplaintResolutionStandard_Is72Hours()
    {
        Assert.Equal(TimeSpan.FromHours(72), Read("customer-experience.yaml").ComplaintResolutionStandard);
    }

    [Fact]
    public void CustomerExperience_Scorecards_CoverPhoneAndWrittenChannelsOnThePlansFeatures()
    {
        var plan = Read("customer-experience.yaml");

        Assert.Equal(["phone-call", "written-reply"], plan.Scorecards!.Select(s => s.Id));
        Assert.All(plan.Scorecards!.SelectMany(s => s.Criteria), c => Assert.Contains(c.Feature, plan.Features));
        Assert.Contains(plan.Scorecards![0].Criteria, c => c.Critical);
        Assert.Equal(new QaTarget(4, TimeSpan.FromDays(30)), plan.QaTarget);
    }

    private static MeasurementPlan Read(string file)
    {
        var path = Path.Combine(FindRepositoryRoot(), "examples", "plans", file);
        var result = PlanParser.Parse(file, File.ReadAllText(path), SystemTimeZones);
        Assert.Empty(result.Errors);
        return result.Plan!;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FeedbackBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No directory above {AppContext.BaseDirectory} contains FeedbackBot.sln.");
    }
}

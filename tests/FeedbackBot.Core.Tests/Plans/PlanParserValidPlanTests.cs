using FeedbackBot.Core.Plans;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

public class PlanParserValidPlanTests
{
    private const string FullPlan = """
        id: customer-experience
        name: Customer experience
        description: How customers find us.
        audiences: [customer, staff]
        features: [responsiveness, resolution]
        methods: [survey, web_link, informal_feedback, complaints, operational_data, observation]
        questions:
          - id: satisfaction
            text: How satisfied were you?
            type: rating5
            feature: resolution
            required: true
            audience: customer
          - id: recommend
            text: Would you recommend us?
            type: nps
            audience: customer
          - id: effort
            text: How easy was it?
            type: effort7
            audience: customer
          - id: first_contact
            text: Resolved first time?
            type: yesno
            audience: customer
          - id: channel
            text: How did you contact us?
            type: choice
            audience: customer
            options: [Phone, Email, "Web chat"]
          - id: tools
            text: Which tools slowed you down?
            type: multichoice
            audience: staff
            options: [CRM, Phones]
          - id: comment
            text: Anything else?
            type: text
            audience: staff
        kpis:
          - id: csat
            metric: csat
            question: satisfaction
            target: 85
          - id: nps
            metric: nps
            question: recommend
            target: -10
          - id: ces
            metric: ces
            question: effort
            target: 2.5
          - id: fcr
            metric: fcr
            question: first_contact
            target: 75
            direction: higher
          - id: mean_effort
            metric: mean
            question: effort
            target: 3
            direction: lower
          - id: rr
            metric: response_rate
            target: 20
          - id: first_response
            metric: first_response_minutes
            target: 60
            direction: lower
        schedule:
          cron: "0 9 * * MON"
          time_zone: Europe/London
        cycle_days: 14
        sample:
          method: stratified
          by: region
          margin_of_error: 5
        minimum_group_size: 8
        min_days_between_invitations: 30
        reminders:
          count: 2
          every: 36h
        post_to:
          - channel: teams
            conversation: "19:abc@thread.tacv2"
          - channel: slack
            conversation: C0123ABCD
        validation:
          min_seconds_per_question: 1.5
          exclude_straight_liners: true
        population:
          north: 120
          south: 80
        themes:
          - id: billing
            label: Billing
            feature: resolution
            keywords: [invoice, bill]
          - id: waiting
            label: Waiting
            keywords: [on hold]
        """;

    [Fact]
    public void Parse_FullPlan_ReadsTopLevelValues()
    {
        var plan = ParseValid(FullPlan);

        Assert.Equal("customer-experience", plan.Id);
        Assert.Equal("Customer experience", plan.Name);
        Assert.Equal("How customers find us.", plan.Description);
        Assert.Equal([Audience.Customer, Audience.Staff], plan.Audiences);
        Assert.Equal(["responsiveness", "resolution"], plan.Features);
        Assert.Equal(
            [CollectionMethod.Survey, CollectionMethod.WebLink, CollectionMethod.InformalFeedback,
             CollectionMethod.Complaints, CollectionMethod.OperationalData, CollectionMethod.Observation],
            plan.Methods);
        Assert.Equal(new PlanSchedule("0 9 * * MON", "Europe/London"), plan.Schedule);
        Assert.Equal(14, plan.CycleDays);
        Assert.Equal(new SamplePlan(SampleMethod.Stratified, "region", null, 5), plan.Sample);
        Assert.Equal(8, plan.MinimumGroupSize);
        Assert.Equal(30, plan.MinDaysBetweenInvitations);
        Assert.Equal(new ReminderPlan(2, TimeSpan.FromHours(36)), plan.Reminders);
        Assert.Equal(
            [new PostTarget(ChatChannel.Teams, "19:abc@thread.tacv2"), new PostTarget(ChatChannel.Slack, "C0123ABCD")],
            plan.PostTo);
        Assert.Equal(new ValidationRules(1.5, true), plan.Validation);
        Assert.Equal(new Dictionary<string, int> { ["north"] = 120, ["south"] = 80 }, plan.Population);
    }

    [Fact]
    public void Parse_FullPlan_ReadsQuestionsInFileOrder()
    {
        var plan = ParseValid(FullPlan);

        Assert.Equal(
            ["satisfaction", "recommend", "effort", "first_contact", "channel", "tools", "comment"],
            plan.Questions.Select(q => q.Id));
        Assert.Equal(
            [QuestionType.Rating5, QuestionType.Nps, QuestionType.Effort7, QuestionType.YesNo,
             QuestionType.Choice, QuestionType.MultiChoice, QuestionType.Text],
            plan.Questions.Select(q => q.Type));

        var satisfaction = plan.Questions[0];
        Assert.Equal("How satisfied were you?", satisfaction.Text);
        Assert.Equal("resolution", satisfaction.Feature);
        Assert.True(satisfaction.Required);
        Assert.Equal(Audience.Customer, satisfaction.Audience);
        Assert.Empty(satisfaction.Options);

        Assert.Equal(["Phone", "Email", "Web chat"], plan.Questions[4].Options);
        Assert.Equal(Audience.Staff, plan.Questions[5].Audience);
        Assert.Equal(["CRM", "Phones"], plan.Questions[5].Options);
    }

    [Fact]
    public void Parse_FullPlan_ReadsKpisWithTheirQuestionsAndDirections()
    {
        var plan = ParseValid(FullPlan);

        Assert.Equal(
            [
                new Kpi("csat", KpiMetric.Csat, null, "satisfaction", 85, KpiDirection.Higher),
                new Kpi("nps", KpiMetric.Nps, null, "recommend", -10, KpiDirection.Higher),
                new Kpi("ces", KpiMetric.Ces, null, "effort", 2.5, KpiDirection.Lower),
                new Kpi("fcr", KpiMetric.Fcr, null, "first_contact", 75, KpiDirection.Higher),
                new Kpi("mean_effort", KpiMetric.Mean, null, "effort", 3, KpiDirection.Lower),
                new Kpi("rr", KpiMetric.ResponseRate, null, null, 20, KpiDirection.Higher),
                new Kpi("first_response", KpiMetric.Operational, "first_response_minutes", null, 60, KpiDirection.Lower),
            ],
            plan.Kpis);
    }

    [Fact]
    public void Parse_FullPlan_ReadsThemes()
    {
        var plan = ParseValid(FullPlan);

        Assert.Equal(2, plan.Themes.Count);
        Assert.Equal(("billing", "Billing", "resolution"), (plan.Themes[0].Id, plan.Themes[0].Label, plan.Themes[0].Feature));
        Assert.Equal(["invoice", "bill"], plan.Themes[0].Keywords);
        Assert.Null(plan.Themes[1].Feature);
        Assert.Equal(["on hold"], plan.Themes[1].Keywords);
    }

    [Fact]
    public void Parse_MinimalPlan_AppliesDefaults()
    {
        var plan = ParseValid(Minimal);

        Assert.Null(plan.Description);
        Assert.Equal([CollectionMethod.Survey], plan.Methods);
        Assert.Empty(plan.Kpis);
        Assert.Null(plan.Schedule);
        Assert.Equal(7, plan.CycleDays);
        Assert.Same(SamplePlan.Everyone, plan.Sample);
        Assert.Equal(MeasurementPlan.DefaultMinimumGroupSize, plan.MinimumGroupSize);
        Assert.Equal(0, plan.MinDaysBetweenInvitations);
        Assert.Same(ReminderPlan.None, plan.Reminders);
        Assert.Empty(plan.PostTo);
        Assert.Same(ValidationRules.Default, plan.Validation);
        Assert.Empty(plan.Population);
        Assert.Empty(plan.Themes);
    }

    [Fact]
    public void Parse_QuestionWithoutOptionalFields_AppliesDefaults()
    {
        var question = Assert.Single(ParseValid(Minimal).Questions);

        Assert.Equal(("q", "Q?", QuestionType.Rating5), (question.Id, question.Text, question.Type));
        Assert.Null(question.Feature);
        Assert.False(question.Required);
        Assert.Equal(Audience.Customer, question.Audience);
        Assert.Empty(question.Options);
    }

    [Theory]
    [InlineData("ces", "effort7", 2, KpiDirection.Lower)]
    [InlineData("csat", "rating5", 80, KpiDirection.Higher)]
    [InlineData("mean", "effort7", 3, KpiDirection.Higher)]
    public void Parse_KpiWithoutDirection_UsesTheMetricsDefault(string metric, string type, double target, KpiDirection expected)
    {
        var plan = ParseValid(Header + "\n" + $"""
            questions:
              - id: q
                text: Q?
                type: {type}
            kpis:
              - id: k
                metric: {metric}
                question: q
                target: {target}
            """);

        Assert.Equal(expected, Assert.Single(plan.Kpis).Direction);
    }

    [Fact]
    public void Parse_EmptyValuesForOptionalFields_UsesDefaults()
    {
        var plan = ParseValid(Minimal + "\n" + """
            description:
            kpis:
            schedule: ~
            sample: null
            reminders:
            """);

        Assert.Null(plan.Description);
        Assert.Empty(plan.Kpis);
        Assert.Null(plan.Schedule);
        Assert.Same(SamplePlan.Everyone, plan.Sample);
        Assert.Same(ReminderPlan.None, plan.Reminders);
    }

    [Fact]
    public void Parse_StratifiedSampleBySize_ReadsTheSize()
    {
        var plan = ParseValid(Minimal + "\n" + """
            sample:
              method: stratified
              by: team
              size: 40
            """);

        Assert.Equal(new SamplePlan(SampleMethod.Stratified, "team", 40, null), plan.Sample);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("12h", 720)]
    [InlineData("2d", 2880)]
    [InlineData("1m", 1)]
    [InlineData("30d", 43200)]
    public void Parse_ReminderInterval_ReadsMinutesHoursAndDays(string every, int minutes)
    {
        var plan = ParseValid(Minimal + "\n" + $"""
            reminders:
              count: 1
              every: {every}
            """);

        Assert.Equal(new ReminderPlan(1, TimeSpan.FromMinutes(minutes)), plan.Reminders);
    }

    [Fact]
    public void Parse_NoReminders_IsNoneWhateverTheInterval()
    {
        var plan = ParseValid(Minimal + "\n" + """
            reminders:
              count: 0
              every: 2d
            """);

        Assert.Same(ReminderPlan.None, plan.Reminders);
    }

    [Fact]
    public void Parse_QuotedAndBlockStrings_ReadsTheirText()
    {
        var plan = ParseValid("""
            id: 'p'
            name: "Plan: the first"
            description: |
              Line one
              line two
            audiences: [customer]
            features: [speed]
            questions:
              - id: q
                text: >
                  How was
                  it?
                type: text
            """);

        Assert.Equal("Plan: the first", plan.Name);
        Assert.Equal("Line one\nline two\n", plan.Description);
        Assert.Equal("How was it?\n", plan.Questions[0].Text);
    }
}

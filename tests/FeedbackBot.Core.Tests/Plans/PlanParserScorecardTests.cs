using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Plans;

/// <summary>Scorecards, qa_target and qa_retention_days, which follow the minimal plan (features speed and care) from line 9.</summary>
public class PlanParserScorecardTests
{
    /// <summary>Lines 9-18: one scorecard with one criterion, everything optional left out.</summary>
    private const string OneScorecard = """
        scorecards:
          - id: phone-call
            name: Phone call
            channels: [phone]
            pass_mark: 80
            criteria:
              - id: greeting
                text: Greeted the customer and gave their own name
                feature: care
                scale: yesno
        """;

    private const string Full = Header + """

        questions:
          - id: sat
            text: How satisfied were you?
            type: rating5
        kpis:
          - id: csat
            metric: csat
            question: sat
            target: 85
        scorecards:
          - id: phone-call
            name: Phone call
            channels: [phone, face_to_face]
            pass_mark: 72.5
            criteria:
              - id: greeting
                text: Greeted the customer and gave their own name
                feature: care
                kpi: csat
                scale: yesno
                weight: 1
                critical: false
                allow_na: true
              - id: verified
                text: Checked the caller's identity before discussing the account
                feature: care
                scale: yesno
                critical: true
              - id: pace
                text: Kept the call moving
                feature: speed
                scale: rating5
                weight: 2.5
          - id: email
            name: E-mail
            channels: [email]
            pass_mark: 80
            criteria:
              - id: greeting
                text: Used the customer's name
                feature: care
                scale: yesno
        qa_target: {per_agent: 4, every: 30d}
        qa_retention_days: 365
        """;

    [Fact]
    public void Parse_FullScorecards_ReadsEveryField()
    {
        var plan = ParseValid(Full);

        Assert.Equal(["phone-call", "email"], plan.Scorecards!.Select(s => s.Id));
        var phone = plan.FindScorecard("phone-call")!;
        Assert.Equal("Phone call", phone.Name);
        Assert.Equal([InteractionChannel.Phone, InteractionChannel.FaceToFace], phone.Channels);
        Assert.Equal(72.5, phone.PassMark);
        Assert.Equal(
            [
                new Criterion("greeting", "Greeted the customer and gave their own name", "care", "csat", CriterionScale.YesNo, 1, false, true),
                new Criterion("verified", "Checked the caller's identity before discussing the account", "care", null, CriterionScale.YesNo, 1, true, false),
                new Criterion("pace", "Kept the call moving", "speed", null, CriterionScale.Rating5, 2.5, false, false),
            ],
            phone.Criteria);
        Assert.Equal(new QaTarget(4, TimeSpan.FromDays(30)), plan.QaTarget);
        Assert.Equal(365, plan.QaRetentionDays);
    }

    [Fact]
    public void Parse_CriterionWithoutOptionalFields_TakesTheDefaults()
    {
        var criterion = Assert.Single(ParseValid(Minimal + "\n" + OneScorecard).Scorecards![0].Criteria);

        Assert.Equal((null, 1.0, false, false), (criterion.Kpi, criterion.Weight, criterion.Critical, criterion.AllowNa));
    }

    [Theory]
    [InlineData("")]
    [InlineData("scorecards: []")]
    [InlineData("scorecards:")]
    public void Parse_NoScorecards_HasNoneAndNoQaSettings(string extra)
    {
        var plan = ParseValid(Minimal + "\n" + extra);

        Assert.Null(plan.Scorecards);
        Assert.Null(plan.QaTarget);
        Assert.Null(plan.QaRetentionDays);
    }

    [Fact]
    public void Serialize_PlanWithScorecards_RoundTripsToTheSamePlan()
    {
        var plan = ParseValid(Full);

        var json = PlanJson.Serialize(plan);
        var read = PlanJson.Deserialize(json);

        Assert.Equal(json, PlanJson.Serialize(read));
        Assert.Equal(plan.Scorecards, read.Scorecards, ScorecardComparer.Instance);
        Assert.Equal(plan.QaTarget, read.QaTarget);
        Assert.Equal(365, read.QaRetentionDays);
        Assert.Contains("\"channels\":[\"phone\",\"face_to_face\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"scale\":\"yesno\"", json, StringComparison.Ordinal);
        Assert.Contains("\"allow_na\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_PlanWithoutScorecards_WritesNoQaFields()
    {
        var json = PlanJson.Serialize(ParseValid(Minimal));

        Assert.DoesNotContain("scorecards", json, StringComparison.Ordinal);
        Assert.DoesNotContain("qa_", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channels: [phone]", "channels: [phon]", "12:16: scorecards[0].channels[0]: unknown channel 'phon'; did you mean 'phone'? expected one of phone, email, chat, face_to_face, social, other")]
    [InlineData("channels: [phone]", "channels: [phone, phone]", "12:23: scorecards[0].channels[1]: duplicate channel 'phone'; it is already used at line 12")]
    [InlineData("channels: [phone]", "channels: []", "12:15: scorecards[0].channels: expected at least one channel")]
    [InlineData("pass_mark: 80", "pass_mark: 120", "13:16: scorecards[0].pass_mark: 120 is out of range; a pass mark is a score from 0 to 100")]
    [InlineData("pass_mark: 80", "pass_mark: 80%", "13:16: scorecards[0].pass_mark: expected a number, got '80%'; write percentages as plain numbers, such as 80")]
    [InlineData("    pass_mark: 80\n", "", "10:5: scorecards[0].pass_mark: missing required field 'pass_mark'; expected the score from 0 to 100 at or above which an evaluation passes, such as 80")]
    [InlineData("feature: care", "feature: cares", "17:18: scorecards[0].criteria[0].feature: unknown feature 'cares'; did you mean 'care'? expected one of the plan's features: speed, care")]
    [InlineData("scale: yesno", "scale: yes_no", "18:16: scorecards[0].criteria[0].scale: unknown scale 'yes_no'; did you mean 'yesno'? expected one of yesno, rating5")]
    [InlineData("scale: yesno", "scale: yesno\n        alow_na: true", "19:9: scorecards[0].criteria[0].alow_na: unknown field 'alow_na'; did you mean 'allow_na'? expected one of id, text, feature, kpi, scale, weight, critical, allow_na")]
    [InlineData("scale: yesno", "scale: yesno\n        kpi: csat", "19:14: scorecards[0].criteria[0].kpi: unknown KPI 'csat'; the plan has no kpis: add it under kpis or remove 'kpi'")]
    [InlineData("scale: yesno", "scale: yesno\n        weight: 0", "19:17: scorecards[0].criteria[0].weight: expected a weight above 0, got 0; a criterion that should not count can be removed")]
    [InlineData("scale: yesno", "scale: rating5\n        critical: true", "19:19: scorecards[0].criteria[0].critical: only a yesno criterion can be critical (a \"no\" fails the whole evaluation); use scale: yesno or remove 'critical'")]
    [InlineData("scale: yesno", "scale: yesno\n        critical: yes", "19:19: scorecards[0].criteria[0].critical: expected true or false, got 'yes'")]
    [InlineData("scale: yesno", "scale: yesno\n      - id: greeting\n        text: Again\n        feature: care\n        scale: yesno", "19:13: scorecards[0].criteria[1].id: duplicate criterion id 'greeting'; it is already used at line 15")]
    [InlineData("    criteria:\n      - id: greeting\n        text: Greeted the customer and gave their own name\n        feature: care\n        scale: yesno", "    criteria: []", "14:15: scorecards[0].criteria: expected at least one criterion")]
    [InlineData("  - id: phone-call", "  - id: Phone", "10:9: scorecards[0].id: 'Phone' is not a valid scorecard id; expected lower-case letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters")]
    [InlineData("    name: Phone call", "    nmae: Phone call", "11:5: scorecards[0].nmae: unknown field 'nmae'; did you mean 'name'? expected one of id, name, channels, pass_mark, criteria")]
    public void Parse_BadScorecard_ReportsWhereAndWhy(string replace, string with, string expected)
    {
        var yaml = OneScorecard.Replace(replace, with, StringComparison.Ordinal);

        Assert.Contains(ParseMinimalWith(yaml).Errors, e => e.ToString() == $"{Source}:{expected}");
        Assert.False(ParseMinimalWith(yaml).IsValid);
    }

    [Fact]
    public void Parse_RepeatedScorecardId_IsReportedAtTheRepeat()
    {
        var second = OneScorecard.Replace("scorecards:\n", "", StringComparison.Ordinal);

        AssertSingleError(ParseMinimalWith(OneScorecard + "\n" + second),
            "19:9: scorecards[1].id: duplicate scorecard id 'phone-call'; it is already used at line 10");
    }

    [Fact]
    public void Parse_UnknownKpi_SuggestsThePlansKpi()
    {
        var yaml = Full.Replace("kpi: csat", "kpi: cast", StringComparison.Ordinal);

        AssertSingleError(Parse(yaml), "23:14: scorecards[0].criteria[0].kpi: unknown KPI 'cast'; did you mean 'csat'? expected one of the plan's KPIs: csat");
    }

    [Theory]
    [InlineData("qa_target: {per_agent: 4, every: 2w}", "19:34: qa_target.every: '2w' is not a number of days from 1d to 366d; write it like 30d")]
    [InlineData("qa_target: {per_agent: 4, every: 400d}", "19:34: qa_target.every: '400d' is not a number of days from 1d to 366d; write it like 30d")]
    [InlineData("qa_target: {per_agent: 0, every: 30d}", "19:24: qa_target.per_agent: expected a whole number from 1 to 1000, got 0")]
    [InlineData("qa_target: {every: 30d}", "19:12: qa_target.per_agent: missing required field 'per_agent'; expected how many evaluations each agent should have per channel in each window, from 1 to 1000")]
    [InlineData("qa_target: {per_agent: 4, every: 30d, evrey: 30d}", "19:39: qa_target.evrey: unknown field 'evrey'; did you mean 'every'? expected one of per_agent, every")]
    [InlineData("qa_retention_days: 0", "19:20: qa_retention_days: expected a whole number from 1 to 3650, got 0")]
    [InlineData("qa_retention_days: 3651", "19:20: qa_retention_days: expected a whole number from 1 to 3650, got 3651")]
    [InlineData("qa_retention_dys: 30", "19:1: qa_retention_dys: unknown field 'qa_retention_dys'; did you mean 'qa_retention_days'? expected one of id, name, description, audiences, features, methods, questions, kpis, schedule, cycle_days, cycle_length, sample, minimum_group_size, min_days_between_invitations, reminders, post_to, validation, population, themes, scorecards, qa_target, qa_retention_days, sustain_cycles, value, outcome, strength_threshold, complaint_resolution_standard, retention_days")]
    public void Parse_BadQaSettings_ReportsWhereAndWhy(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(OneScorecard + "\n" + extra), expected);
    }

    [Theory]
    [InlineData("qa_target: {per_agent: 4, every: 30d}", "9:1: qa_target: 'qa_target' applies only to a plan with scorecards; add scorecards or remove 'qa_target'")]
    [InlineData("qa_retention_days: 90", "9:1: qa_retention_days: 'qa_retention_days' applies only to a plan with scorecards; add scorecards or remove 'qa_retention_days'")]
    public void Parse_QaSettingsWithoutScorecards_IsAnError(string extra, string expected)
    {
        AssertSingleError(ParseMinimalWith(extra), expected);
    }

    /// <summary>Records holding lists compare the lists by reference, so scorecards read back are compared by their content.</summary>
    private sealed class ScorecardComparer : IEqualityComparer<Scorecard>
    {
        public static ScorecardComparer Instance { get; } = new();

        public bool Equals(Scorecard? x, Scorecard? y) =>
            x is not null && y is not null && x.Id == y.Id && x.Name == y.Name && x.PassMark == y.PassMark
            && x.Channels.SequenceEqual(y.Channels) && x.Criteria.SequenceEqual(y.Criteria);

        public int GetHashCode(Scorecard obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}

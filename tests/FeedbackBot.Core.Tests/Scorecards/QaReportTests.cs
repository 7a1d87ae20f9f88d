using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Core.Tests.Scorecards.ScorecardFixtures;

namespace FeedbackBot.Core.Tests.Scorecards;

/// <summary>
/// A QA report worked out by hand on the phone scorecard (greeting yesno w1, verified yesno critical, tone rating5 w2;
/// pass mark 80):
/// <code>
///   e1 sam phone  1 Mar  yes yes 4  → (1 + 1 + 2·0.75)/4 = 87.5  pass
///   e2 sam phone 20 Mar  no  yes 5  → (0 + 1 + 2)/4      = 75    fail
///   e3 ana phone 25 Mar  yes no  5  → critical fail      = 0
///   e4 sam chat  28 Mar  na  yes na → 1/1                = 100   pass
/// </code>
/// </summary>
public class QaReportTests
{
    private static readonly DateTime March = new(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2025, 3, 30, 0, 0, 0, DateTimeKind.Utc);

    private static readonly QaEvaluation[] Evaluations =
    [
        Evaluation("e1", "t1", "sam", "lee", InteractionChannel.Phone, March, Phone, "yes", "yes", "4"),
        Evaluation("e2", "t2", "sam", "lee", InteractionChannel.Phone, March.AddDays(19), Phone, "no", "yes", "5"),
        Evaluation("e3", "t3", "ana", "lee", InteractionChannel.Phone, March.AddDays(24), Phone, "yes", "no", "5"),
        Evaluation("e4", "t4", "sam", "kim", InteractionChannel.Chat, March.AddDays(27), Phone, "na", "yes", ""),
    ];

    [Fact]
    public void Build_HandWorkedSet_OverallFigures()
    {
        var report = QaReport.Build([Phone], Evaluations, null, Now);

        Assert.Equal((4, 4), (report.Evaluations, report.Scored));
        Assert.Equal(262.5 / 4, report.AverageScore!.Value, 9);
        Assert.Equal(50, report.PassRate);
        Assert.Equal(25, report.CriticalFailRate);
        Assert.Empty(report.Coverage);
    }

    [Fact]
    public void Build_HandWorkedSet_CriteriaPassRatesWhereTheyApplied()
    {
        // greeting applies in e1-e3 and passes in e1, e3; verified in all four, passes in three; tone in e1-e3, 4 and 5 pass.
        var report = QaReport.Build([Phone], Evaluations, null, Now);

        Assert.Equal(
            [("greeting", 3, 2), ("verified", 4, 3), ("tone", 3, 3)],
            report.Criteria.Select(c => (c.Id, c.Applicable, c.Passed)));
        Assert.Equal(200.0 / 3, report.Criteria[0].PassRate!.Value, 9);
        Assert.Equal([75.0, 100.0], report.Criteria.Skip(1).Select(c => c.PassRate!.Value));
    }

    [Fact]
    public void Build_HandWorkedSet_EachAgentsAverage()
    {
        // ana: 0. sam: (87.5 + 75 + 100)/3 = 87.5.
        var report = QaReport.Build([Phone], Evaluations, null, Now);

        Assert.Equal([new AgentScore("ana", 1, 0), new AgentScore("sam", 3, 87.5)], report.Agents);
    }

    [Fact]
    public void Build_TargetOfTwoInFourteenDays_CountsTheWindowEndingNow()
    {
        // The window is (16 Mar 00:00, 30 Mar 00:00]: e1 (1 Mar) is before it.
        var report = QaReport.Build([Phone], Evaluations, new QaTarget(2, TimeSpan.FromDays(14)), Now);

        Assert.Equal(
            [
                new QaCoverage("ana", InteractionChannel.Phone, 1, 2, false),
                new QaCoverage("sam", InteractionChannel.Phone, 1, 2, false),
                new QaCoverage("sam", InteractionChannel.Chat, 1, 2, false),
            ],
            report.Coverage);
    }

    [Fact]
    public void Build_TargetOfOneInThirtyDays_IsMetForEveryone()
    {
        var report = QaReport.Build([Phone], Evaluations, new QaTarget(1, TimeSpan.FromDays(30)), Now);

        Assert.All(report.Coverage, c => Assert.True(c.Met));
        Assert.Equal(2, report.Coverage.Single(c => c is { Agent: "sam", Channel: InteractionChannel.Phone }).Evaluations);
    }

    [Fact]
    public void Build_EvaluationWithoutScore_CountedButLeftOutOfAveragesAndRates()
    {
        var optional = Phone with { Criteria = [Phone.Criteria[0], Phone.Criteria[2]] };
        QaEvaluation[] evaluations =
        [
            Evaluation("u1", "t1", "sam", "lee", InteractionChannel.Phone, March, optional, "na", "na"),
            Evaluation("u2", "t2", "sam", "lee", InteractionChannel.Phone, March, optional, "yes", "5"),
        ];

        var report = QaReport.Build([optional], evaluations, null, Now);

        Assert.Equal((2, 1, 100.0, 100.0, 0.0), (report.Evaluations, report.Scored, report.AverageScore, report.PassRate, report.CriticalFailRate));
        Assert.Equal(new AgentScore("sam", 2, 100), Assert.Single(report.Agents));
    }

    [Fact]
    public void Build_NoEvaluations_HasNoAveragesOrRates()
    {
        var report = QaReport.Build([Phone], [], new QaTarget(4, TimeSpan.FromDays(30)), Now);

        Assert.Equal((0, null, null, null), (report.Evaluations, report.AverageScore, report.PassRate, report.CriticalFailRate));
        Assert.Empty(report.Criteria);
        Assert.Empty(report.Coverage);
    }

    [Fact]
    public void Serialize_QaReport_UsesTheIssuesKeys()
    {
        var json = QaJson.Serialize(QaReport.Build([Phone], Evaluations, new QaTarget(2, TimeSpan.FromDays(14)), Now));

        Assert.StartsWith("{\"evaluations\":4,\"scored\":4,\"average_score\":65.625,\"pass_rate\":50,\"critical_fail_rate\":25,", json, StringComparison.Ordinal);
        Assert.Contains("\"criteria\":[{\"scorecard\":\"phone-call\",\"id\":\"greeting\",\"applicable\":3,\"passed\":2,\"pass_rate\":66.66", json, StringComparison.Ordinal);
        Assert.Contains("\"agents\":[{\"agent\":\"ana\",\"evaluations\":1,\"average_score\":0}", json, StringComparison.Ordinal);
        Assert.Contains("\"coverage\":[{\"agent\":\"ana\",\"channel\":\"phone\",\"evaluations\":1,\"target\":2,\"met\":false}", json, StringComparison.Ordinal);
    }
}

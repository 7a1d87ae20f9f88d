using System.Text.Json.Nodes;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using static FeedbackBot.Testing.Plans.PlanFiles;

namespace FeedbackBot.Core.Tests.Serialization;

public sealed class PlanJsonScaleTests
{
    private static readonly MeasurementPlan Plan = ParseValid(Header + """

        questions:
          - id: quick
            text: We respond quickly.
            type: agree5
          - id: often
            text: I have what I need.
            type: agree5
            labels: [Never, Rarely, Sometimes, Usually, Always]
          - id: sat
            text: How satisfied were you?
            type: rating5
            labels: [Poor, Fair, Good, Very good, Excellent]
        kpis:
          - id: quick_agree
            metric: agree
            question: quick
            target: 75
        """);

    [Fact]
    public void Serialize_Agree5AndLabels_RoundTripToTheSamePlan()
    {
        var json = PlanJson.Serialize(Plan);
        var read = PlanJson.Deserialize(json);

        Assert.Equal(json, PlanJson.Serialize(read));
        Assert.Equal([QuestionType.Agree5, QuestionType.Agree5, QuestionType.Rating5], read.Questions.Select(q => q.Type));
        Assert.Null(read.Questions[0].Labels);
        Assert.Equal(["Never", "Rarely", "Sometimes", "Usually", "Always"], read.Questions[1].Labels);
        Assert.Equal("5 – Excellent", ScaleWords.Label(read.Questions[2], 5));
        Assert.Equal(KpiMetric.Agree, Assert.Single(read.Kpis).Metric);
    }

    [Fact]
    public void Serialize_TypeAndMetric_UseThePlanFileNames()
    {
        var json = JsonNode.Parse(PlanJson.Serialize(Plan))!;

        Assert.Equal("agree5", (string?)json["questions"]![0]!["type"]);
        Assert.Equal("agree", (string?)json["kpis"]![0]!["metric"]);
    }

    [Fact]
    public void Serialize_QuestionWithoutLabels_WritesNoLabelsKey()
    {
        // Plans stored before labels existed must keep their content hash, or re-applying an unchanged file would
        // make a new version.
        var json = JsonNode.Parse(PlanJson.Serialize(Plan))!;

        Assert.False(json["questions"]![0]!.AsObject().ContainsKey("labels"));
        Assert.True(json["questions"]![1]!.AsObject().ContainsKey("labels"));
    }

    [Fact]
    public void Deserialize_PlanStoredBeforeLabelsAndAgree5_StillReads()
    {
        var old = PlanJson.Serialize(ParseValid(Minimal));
        Assert.DoesNotContain("labels", old, StringComparison.Ordinal);

        var read = PlanJson.Deserialize(old);

        var question = Assert.Single(read.Questions);
        Assert.Equal(QuestionType.Rating5, question.Type);
        Assert.Null(question.Labels);
        Assert.Equal("1 – very dissatisfied", ScaleWords.Label(question, 1));
        Assert.Equal(PlanJson.ContentHash(ParseValid(Minimal)), PlanJson.ContentHash(read));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Core.Serialization;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

public sealed class ReviewJsonTests
{
    private static readonly Review Sample = SampleReviews.Realistic();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Deserialize_SerializedReview_GivesBackTheSameReview(bool indented)
    {
        var json = ReviewJson.Serialize(Sample, indented);

        var read = ReviewJson.Deserialize(json);

        StructuralEquality.AssertEqual(Sample, read);
        Assert.Equal(json, ReviewJson.Serialize(read, indented));
    }

    [Fact]
    public void Serialize_Review_WritesTheContractKeysInSnakeCase()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!.AsObject();

        Assert.Equal(
            ["plan", "cycle", "validation", "metrics", "distributions", "segments", "themes", "complaints", "strengths", "shortfalls", "gaps", "recommendations", "value", "question_changes"],
            Keys(root));
        Assert.Equal(["id", "name", "version", "minimum_group_size"], Keys(root["plan"]!));
        Assert.Equal(["start", "end", "previous", "provisional"], Keys(root["cycle"]!));
        Assert.Equal(["received", "usable", "excluded", "straight_liners", "straight_liners_excluded", "representativeness", "sources"], Keys(root["validation"]!));
        Assert.Equal(["basis", "segments", "chi_square", "degrees_of_freedom", "p_value", "approximate", "population"], Keys(root["validation"]!["representativeness"]!));
        Assert.Equal(
            ["id", "metric", "question", "feature", "value", "n", "ci95", "margin_of_error", "target", "direction", "status", "gap", "previous", "change", "p_value", "effect_size", "note", "name", "status_text"],
            Keys(root["metrics"]![0]!));
        Assert.Equal(["total_comments", "uncoded", "items"], Keys(root["themes"]!));
        Assert.Equal(["kind", "title", "feature", "evidence"], Keys(root["strengths"]![0]!));
        Assert.Equal(["metric", "value", "target", "n", "ci95", "previous", "change", "p_value", "quotes", "label", "question"], Keys(root["strengths"]![0]!["evidence"]!));
        Assert.Equal(["kind", "title", "feature", "first", "second", "difference", "p_value"], Keys(root["gaps"]![0]!));
        Assert.Equal(
            ["title", "priority", "score", "feature", "theme", "action", "evidence", "owner_role", "success_criterion", "review_by", "id", "key", "acted_on", "value_if_met"],
            Keys(root["recommendations"]![0]!));
    }

    [Fact]
    public void Serialize_ReviewWithQuestionChanges_WritesEachWithTheContractKeys()
    {
        var review = Sample with { QuestionChanges = [new QuestionChange("overall_satisfaction", 4.21, 398, 4.02, 0.19, 0.0123, 0.174)] };

        var change = JsonNode.Parse(ReviewJson.Serialize(review, indented: false))!["question_changes"]![0]!;

        Assert.Equal(["question", "value", "n", "previous", "change", "p_value", "effect_size"], Keys(change));
        Assert.Equal(("overall_satisfaction", 4.21, 0.0123), ((string?)change["question"], (double)change["value"]!, (double)change["p_value"]!));
        StructuralEquality.AssertEqual(review, ReviewJson.Deserialize(ReviewJson.Serialize(review, indented: false)));
    }

    [Fact]
    public void Serialize_KpiWithNotEnoughData_WritesEveryKeyWithNulls()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!;

        var wait = root["metrics"]!.AsArray().Single(m => (string?)m!["id"] == "wait_rating")!.AsObject();

        Assert.Equal("not_enough_data", (string?)wait["status"]);
        foreach (var key in new[] { "value", "ci95", "margin_of_error", "gap", "change", "p_value", "effect_size" })
        {
            Assert.True(wait.ContainsKey(key), key);
            Assert.Null(wait[key]);
        }
    }

    [Fact]
    public void Serialize_FiguresAndDates_AreNumbersAndIsoText()
    {
        using var document = JsonDocument.Parse(ReviewJson.Serialize(Sample, indented: false));
        var root = document.RootElement;
        var csat = root.GetProperty("metrics")[0];

        Assert.Equal(JsonValueKind.Number, csat.GetProperty("value").ValueKind);
        Assert.Equal(84.2, csat.GetProperty("value").GetDouble());
        Assert.Equal(398, csat.GetProperty("n").GetInt64());
        Assert.Equal([80.6, 87.8], csat.GetProperty("ci95").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("2026-10-01T00:00:00Z", root.GetProperty("cycle").GetProperty("start").GetString());
        Assert.Equal("2026-09-01T00:00:00Z", root.GetProperty("cycle").GetProperty("previous").GetProperty("start").GetString());
        Assert.Equal("2026-12-01", root.GetProperty("recommendations")[0].GetProperty("review_by").GetString());
        Assert.Equal("2026-09-28", root.GetProperty("complaints").GetProperty("per_week")[0].GetProperty("week_start").GetString());
    }

    [Fact]
    public void Serialize_InstantOfUnspecifiedKindWithFractions_WritesUtcWithZAndKeepsEveryTick()
    {
        var start = new DateTime(2026, 10, 1, 8, 30, 15, DateTimeKind.Unspecified).AddTicks(1234567);
        var review = Sample with { Cycle = Sample.Cycle with { Start = start } };

        var json = ReviewJson.Serialize(review, indented: false);

        Assert.Contains("\"start\":\"2026-10-01T08:30:15.1234567Z\"", json, StringComparison.Ordinal);
        Assert.Equal(start.Ticks, ReviewJson.Deserialize(json).Cycle.Start.Ticks);
    }

    [Fact]
    public void Serialize_Dictionaries_KeepTheirKeysAsGiven()
    {
        var review = Sample with
        {
            Validation = Sample.Validation with { Excluded = new Dictionary<string, int> { ["Out Of Range"] = 2, ["speeder"] = 1 } },
        };

        var root = JsonNode.Parse(ReviewJson.Serialize(review, indented: false))!;

        Assert.Equal(["Out Of Range", "speeder"], Keys(root["validation"]!["excluded"]!));
        Assert.Equal(["survey", "complaint", "feedback"], Keys(root["themes"]!["items"]![0]!["by_source"]!));
    }

    [Fact]
    public void Serialize_Indented_PutsKeysOnTheirOwnLines()
    {
        var compact = ReviewJson.Serialize(Sample, indented: false);
        var indented = ReviewJson.Serialize(Sample, indented: true);

        Assert.DoesNotContain('\n', compact);
        Assert.Contains("\n  \"plan\": {", indented, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MetricWithoutStatusKey_ThrowsJsonException()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!;
        root["metrics"]![0]!.AsObject().Remove("status");

        Assert.Throws<JsonException>(() => ReviewJson.Deserialize(root.ToJsonString()));
    }

    [Fact]
    public void Deserialize_NullTitle_ThrowsJsonException()
    {
        var root = JsonNode.Parse(ReviewJson.Serialize(Sample, indented: false))!;
        root["recommendations"]![0]!["title"] = null;

        Assert.Throws<JsonException>(() => ReviewJson.Deserialize(root.ToJsonString()));
    }

    [Fact]
    public void Deserialize_InstantWithoutZone_ThrowsJsonException()
    {
        var json = ReviewJson.Serialize(Sample, indented: false).Replace("2026-10-01T00:00:00Z", "2026-10-01T00:00:00", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ReviewJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_FigureWrittenAsText_ThrowsJsonException()
    {
        var json = ReviewJson.Serialize(Sample, indented: false).Replace("\"received\":468", "\"received\":\"468\"", StringComparison.Ordinal);

        Assert.Throws<JsonException>(() => ReviewJson.Deserialize(json));
    }

    private static List<string> Keys(JsonNode node) => [.. node.AsObject().Select(p => p.Key)];
}

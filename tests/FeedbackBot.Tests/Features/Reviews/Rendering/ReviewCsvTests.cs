using System.Globalization;
using CsvHelper;
using FeedbackBot.Core.Reviews;
using FeedbackBot.Features.Reviews.Rendering;

namespace FeedbackBot.Tests.Features.Reviews.Rendering;

public sealed class ReviewCsvTests
{
    private static readonly Review Sample = SampleReviews.Realistic();

    [Fact]
    public void Render_Review_ParsesBackWithTheHeaderThenOneRowPerKpiThenPerSegment()
    {
        var (header, rows) = Parse(ReviewCsv.Render(Sample));

        Assert.Equal(
            ["section", "kpi", "metric", "segment", "value", "n", "ci95_low", "ci95_high", "target", "direction", "status", "gap", "previous", "change", "p_value"],
            header);
        Assert.Equal(Sample.Metrics.Select(m => m.Id).Concat(Sample.Segments.Select(s => s.Kpi)), rows.Select(r => r["kpi"]));
        Assert.Equal(Enumerable.Repeat("kpi", 7).Concat(Enumerable.Repeat("segment", 5)), rows.Select(r => r["section"]));
    }

    [Fact]
    public void Render_KpiRow_HoldsItsFiguresAsInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var (_, rows) = Parse(ReviewCsv.Render(Sample));

            var ces = rows.Single(r => r["section"] == "kpi" && r["kpi"] == "ces");
            Assert.Equal("ces", ces["metric"]);
            Assert.Equal("", ces["segment"]);
            Assert.Equal("3.42", ces["value"]);
            Assert.Equal("377", ces["n"]);
            Assert.Equal("3.28", ces["ci95_low"]);
            Assert.Equal("3.56", ces["ci95_high"]);
            Assert.Equal("3", ces["target"]);
            Assert.Equal("lower", ces["direction"]);
            Assert.Equal("missed", ces["status"]);
            Assert.Equal("-0.42", ces["gap"]);
            Assert.Equal("3.21", ces["previous"]);
            Assert.Equal("0.21", ces["change"]);
            Assert.Equal("0.031", ces["p_value"]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_NotEnoughData_LeavesTheFiguresEmpty()
    {
        var (_, rows) = Parse(ReviewCsv.Render(Sample));

        var wait = rows.Single(r => r["kpi"] == "wait_rating");
        var suppressed = rows.Single(r => r["segment"] == "public_sector");
        Assert.Equal(("not_enough_data", "", "", ""), (wait["status"], wait["value"], wait["ci95_low"], wait["gap"]));
        Assert.Equal("3", wait["n"]);
        Assert.Equal(("not_enough_data", "", "", ""), (suppressed["status"], suppressed["value"], suppressed["n"], suppressed["ci95_high"]));
    }

    [Fact]
    public void Render_SegmentRow_CarriesItsKpisTargetDirectionAndGap()
    {
        var (_, rows) = Parse(ReviewCsv.Render(Sample));

        var enterprise = rows.Single(r => r["segment"] == "enterprise");

        Assert.Equal(("csat", "86.1", "132", "80", "higher", "met"), (enterprise["metric"], enterprise["value"], enterprise["n"], enterprise["target"], enterprise["direction"], enterprise["status"]));
        Assert.Equal(6.1, double.Parse(enterprise["gap"], CultureInfo.InvariantCulture), 9);
    }

    [Fact]
    public void Render_FormulaLikeSegment_GetsALeadingApostropheWhileNegativeNumbersStayNumbers()
    {
        var (_, rows) = Parse(ReviewCsv.Render(Sample));

        var hostile = rows.Single(r => r["kpi"] == "ces" && r["section"] == "segment");
        var nps = rows.Single(r => r["kpi"] == "nps");

        Assert.Equal("'" + SampleReviews.FormulaSegment, hostile["segment"]);
        Assert.Equal("-4", nps["change"]);
    }

    [Fact]
    public void Render_TextWithCommasAndQuotes_RoundTripsThroughAParser()
    {
        var csv = ReviewCsv.Render(Sample);
        var (_, rows) = Parse(csv);

        Assert.Contains(rows, r => r["segment"] == SampleReviews.CommaSegment);
        Assert.Contains("\"North, \"\"East\"\" region\"", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 20 7946 0000", "'+44 20 7946 0000")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+2", "+2")]
    [InlineData("1e-5", "1e-5")]
    [InlineData("enterprise", "enterprise")]
    [InlineData("", "")]
    public void Defuse_Cell_PrefixesFormulasOnly(string cell, string expected) =>
        Assert.Equal(expected, ReviewCsv.Defuse(cell));

    private static (string[] Header, List<Dictionary<string, string>> Rows) Parse(string csv)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var reader = CsvReader.FromText(csv, options);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => reader.GetString(c.i), StringComparer.Ordinal));
        }

        return ([.. reader.Headers], rows);
    }
}

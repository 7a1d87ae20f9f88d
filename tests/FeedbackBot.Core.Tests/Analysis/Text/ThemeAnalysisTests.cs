using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class ThemeAnalysisTests
{
    [Fact]
    public void Report_ThemeBelowMinimumGroupSize_IsSuppressed()
    {
        var current = Counts(total: 20, uncoded: 2, ("waiting_time", 12), ("price", 4));

        var price = ThemeAnalysis.Report(ThemeTaxonomy.Default, current, null, minimumGroupSize: 5).Items.Single(i => i.Id == "price");

        Assert.True(price.Suppressed);
        Assert.Equal("Price and billing", price.Label);
        Assert.Equal(
            new int?[] { null, null, null, null, null, null },
            [price.Count, price.Negative, price.Neutral, price.Positive, price.Previous, price.Change]);
        Assert.Null(price.Percent);
        Assert.Empty(price.BySource);
        Assert.Empty(price.Quotes);
    }

    [Fact]
    public void Report_ThemeAtMinimumGroupSize_ShowsItsFigures()
    {
        var current = Counts(total: 20, uncoded: 5, ("waiting_time", 5));

        var waiting = Assert.Single(ThemeAnalysis.Report(ThemeTaxonomy.Default, current, null, minimumGroupSize: 5).Items);

        Assert.False(waiting.Suppressed);
        Assert.Equal((5, 33.3, 3, 1, 1), (waiting.Count, waiting.Percent, waiting.Negative, waiting.Neutral, waiting.Positive));
        Assert.Equal(["a quote"], waiting.Quotes);
        Assert.Equal(5, waiting.BySource["survey"]);
        Assert.Equal(("responsiveness", (int?)null, (int?)null), (waiting.Feature, waiting.Previous, waiting.Change));
    }

    [Fact]
    public void Report_Items_AreOrderedByCountThenIdWithSuppressedLast()
    {
        var current = Counts(total: 40, uncoded: 0, ("price", 2), ("waiting_time", 9), ("knowledge", 9), ("product", 12), ("attitude_empathy", 1));

        var report = ThemeAnalysis.Report(ThemeTaxonomy.Default, current, null, minimumGroupSize: 5);

        Assert.Equal(["product", "knowledge", "waiting_time", "attitude_empathy", "price"], report.Items.Select(i => i.Id));
        Assert.Equal((40, 0), (report.TotalComments, report.Uncoded));
    }

    [Fact]
    public void Report_WithPreviousCycle_GivesPreviousAndChange()
    {
        var current = Counts(total: 50, uncoded: 10, ("waiting_time", 8), ("price", 6), ("product", 7));
        var previous = Counts(total: 50, uncoded: 10, ("waiting_time", 12), ("price", 4), ("resolution", 9));

        var items = ThemeAnalysis.Report(ThemeTaxonomy.Default, current, previous, minimumGroupSize: 5).Items.ToDictionary(i => i.Id);

        Assert.Equal((12, -4), (items["waiting_time"].Previous, items["waiting_time"].Change));
        Assert.Equal(((int?)null, (int?)null), (items["price"].Previous, items["price"].Change));
        Assert.Equal(((int?)null, (int?)null), (items["product"].Previous, items["product"].Change));
        Assert.True(items["resolution"].Suppressed);
    }

    [Fact]
    public void Report_ThemeMentionedInNeitherCycle_IsLeftOut()
    {
        var current = Counts(total: 10, uncoded: 5, ("waiting_time", 5));

        var report = ThemeAnalysis.Report(ThemeTaxonomy.Default, current, Counts(total: 3, uncoded: 3), minimumGroupSize: 5);

        Assert.Equal(["waiting_time"], report.Items.Select(i => i.Id));
    }

    [Fact]
    public void Report_FromAccumulatedComments_PercentIsShareOfCodedComments()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        for (var i = 0; i < 6; i++)
        {
            accumulator.Add(new Comment($"Waited {i + 10} minutes on hold, far too slow.", "survey", Audience.Customer, null));
        }

        for (var i = 0; i < 3; i++)
        {
            accumulator.Add(new Comment("Too expensive.", "complaint", Audience.Customer, null));
            accumulator.Add(new Comment("Fine.", "survey", Audience.Customer, null));
        }

        var report = ThemeAnalysis.Report(ThemeTaxonomy.Default, accumulator.Snapshot(), null, minimumGroupSize: 3);

        Assert.Equal((12, 3), (report.TotalComments, report.Uncoded));
        Assert.Equal([("waiting_time", 66.7), ("price", 33.3)], report.Items.Select(i => (i.Id, i.Percent!.Value)));
        Assert.Equal(3, report.Items[0].Quotes.Count);
    }

    private static ThemeCounts Counts(int total, int uncoded, params (string Id, int Count)[] themes) => new(
        total,
        uncoded,
        themes.ToDictionary(
            t => t.Id,
            t => new ThemeCount(
                t.Count,
                t.Count - (t.Count / 5) - (t.Count / 5),
                t.Count / 5,
                t.Count / 5,
                new Dictionary<string, int> { ["survey"] = t.Count },
                new Dictionary<Audience, int> { [Audience.Customer] = t.Count },
                ["a quote"])));
}

using System.Text;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;
using FsCheck;
using FsCheck.Fluent;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class ThemeAccumulatorTests
{
    [Fact]
    public void Snapshot_AfterComments_CountsEachThemeByPolaritySourceAndAudience()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("I waited an hour on hold.", "survey"));
        accumulator.Add(Customer("No wait at all, brilliant.", "feedback"));
        accumulator.Add(Customer("Kept waiting for ages, then they were rude.", "complaint"));
        accumulator.Add(new Comment("The queue for the phones is too long.", "survey", Audience.Staff, "north"));
        accumulator.Add(Customer("Lovely people.", "survey"));

        var waiting = accumulator.Snapshot().Themes["waiting_time"];

        Assert.Equal((4, 3, 0, 1), (waiting.Count, waiting.Negative, waiting.Neutral, waiting.Positive));
        Assert.Equal([("complaint", 1), ("feedback", 1), ("survey", 2)], waiting.BySource.Select(p => (p.Key, p.Value)));
        Assert.Equal([(Audience.Customer, 3), (Audience.Staff, 1)], waiting.ByAudience.Select(p => (p.Key, p.Value)));
        Assert.Equal(2, accumulator.Snapshot().Themes["attitude_empathy"].Count);
    }

    [Fact]
    public void Snapshot_CommentsWithoutThemes_CountAsUncoded()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("Brilliant, thanks.", "survey"));
        accumulator.Add(Customer("", "survey"));
        accumulator.Add(Customer("Too expensive.", "survey"));

        var counts = accumulator.Snapshot();

        Assert.Equal((3, 2, 1), (counts.TotalComments, counts.Uncoded, counts.Coded));
        Assert.All(counts.Themes.Where(t => t.Key != "price"), t => Assert.Equal(0, t.Value.Count));
    }

    [Fact]
    public void Snapshot_ManyComments_QuotesThreeMaskedFromTheDominantDirection()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        string[] names = ["Anna", "Tomasz", "Priya", "Kwame", "Sarah", "Mohammed"];
        for (var i = 0; i < 60; i++)
        {
            accumulator.Add(Customer($"I spoke to {names[i % names.Length]} and still waited {i} minutes on hold, awful.", "complaint"));
        }

        accumulator.Add(Customer("The wait was short and the agent was quick, thank you so much for that.", "survey"));
        accumulator.Add(Customer("Call me on 07700 900123 or anna@example.com, I waited three hours on hold.", "complaint"));

        var quotes = accumulator.Snapshot().Themes["waiting_time"].Quotes;

        Assert.Equal(3, quotes.Count);
        Assert.All(quotes, q => Assert.Matches(@"\[(name|phone|email)\]", q));
        Assert.DoesNotContain(quotes, q => q.Contains("07700", StringComparison.Ordinal) || q.Contains("anna@", StringComparison.Ordinal));
        Assert.All(quotes, q => Assert.DoesNotContain("thank you", q, StringComparison.Ordinal));
        Assert.DoesNotContain(quotes, q => names.Any(n => q.Contains(n, StringComparison.Ordinal)));
        Assert.Equal(quotes.Count, quotes.Distinct().Count());
    }

    [Fact]
    public void Snapshot_FewCommentsOfTheDominantDirection_NeverFillsUpWithTheOtherDirection()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("I waited on hold for an hour, awful.", "survey"));
        accumulator.Add(Customer("The queue was terrible, far too long a wait.", "survey"));
        accumulator.Add(Customer("The wait was short and the agent was quick, thank you so much.", "survey"));

        var waiting = accumulator.Snapshot().Themes["waiting_time"];

        Assert.Equal((2, 1), (waiting.Negative, waiting.Positive));
        Assert.Equal(2, waiting.Quotes.Count);
        Assert.DoesNotContain(waiting.Quotes, q => q.Contains("thank you", StringComparison.Ordinal));
    }

    [Fact]
    public void Snapshot_QuoteWithContactDetails_IsMasked()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("Call me on 07700 900123 or email anna@example.com, I have waited three hours on hold!", "complaint"));

        var quote = Assert.Single(accumulator.Snapshot().Themes["waiting_time"].Quotes);

        Assert.Equal("Call me on [phone] or email [email], I have waited three hours on hold!", quote);
    }

    [Fact]
    public void Snapshot_LongComment_IsTruncatedAtAWordWithAnEllipsis()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        var comment = "The wait on hold was terrible. " + string.Concat(Enumerable.Repeat("Nobody seemed to care about my situation at all. ", 10));
        accumulator.Add(Customer(comment, "complaint"));

        var quote = Assert.Single(accumulator.Snapshot().Themes["waiting_time"].Quotes);

        Assert.True(quote.Length <= 280, $"{quote.Length} characters");
        Assert.EndsWith("\u2026", quote, StringComparison.Ordinal);
        Assert.StartsWith(quote[..^1], comment, StringComparison.Ordinal);
        Assert.Equal(' ', comment[quote.Length - 1]);
    }

    [Fact]
    public void Snapshot_SameCommentTwice_IsQuotedOnce()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("The refund took six weeks to arrive, which is far too slow.", "complaint"));
        accumulator.Add(Customer("The refund took six weeks to arrive, which is far too slow.", "survey"));

        var themes = accumulator.Snapshot().Themes;
        Assert.Single(themes.Values.SelectMany(t => t.Quotes));
        Assert.Equal(2, themes["price"].Count);
        Assert.Equal(2, themes["waiting_time"].Count);
    }

    [Fact]
    public void Snapshot_NoQuotesWanted_KeepsNone()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default, quotesPerTheme: 0);
        accumulator.Add(Customer("The refund took six weeks to arrive, which is far too slow.", "complaint"));

        Assert.Empty(accumulator.Snapshot().Themes["price"].Quotes);
    }

    [Fact]
    public void Snapshot_CommentOnSeveralThemes_IllustratesOnlyTheOneItSpeaksOfMostClearly()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        accumulator.Add(Customer("I was on hold for ages and it was awful, though my bill was fine.", "survey"));

        var themes = accumulator.Snapshot().Themes;

        Assert.Single(themes["waiting_time"].Quotes);
        Assert.Empty(themes["price"].Quotes);
        Assert.Equal(1, themes["price"].Count);
    }

    [Fact]
    public void Merge_AccumulatorOfAnotherTaxonomy_IsRefused()
    {
        var accumulator = new ThemeAccumulator(ThemeTaxonomy.Default);
        var other = new ThemeAccumulator(ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("engineers", "Engineer visits", null, ["engineer"])]));

        Assert.Throws<ArgumentException>(() => accumulator.Merge(other));
        Assert.Throws<ArgumentException>(() => accumulator.Merge(accumulator));
    }

    [Fact]
    public void Merge_AnyOrderAndAnySplit_GivesTheSameSnapshot()
    {
        var taxonomy = ThemeTaxonomy.WithPlanThemes([new ThemeDefinition("billing", "Billing", null, ["invoice", "charged"])]);
        var comments = Gen.Elements(CommentTexts)
            .SelectMany(text => Gen.Elements(NamesAndContacts), (text, who) => string.Format(System.Globalization.CultureInfo.InvariantCulture, text, who))
            .SelectMany(text => Gen.Elements("survey", "complaint", "feedback"), (text, source) => (text, source))
            .SelectMany(c => Gen.Elements(Audience.Customer, Audience.Staff), (c, audience) => new Comment(c.text, c.source, audience, null));

        Prop.ForAll(comments.ListOf().ToArbitrary(), Gen.Choose(0, 10_000).ToArbitrary(), (list, seed) =>
        {
            var inOrder = Accumulate(taxonomy, list);
            var shuffled = list.Select((c, i) => (c, key: ((i + 1) * 7919 + seed) % 10_007)).OrderBy(x => x.key).Select(x => x.c).ToList();
            var split = shuffled.Count == 0 ? 0 : seed % (shuffled.Count + 1);
            var merged = Accumulate(taxonomy, shuffled[split..]);
            merged.Merge(Accumulate(taxonomy, shuffled[..split]));

            var expected = Render(inOrder.Snapshot());
            return expected == Render(Accumulate(taxonomy, shuffled).Snapshot()) && expected == Render(merged.Snapshot());
        }).QuickCheckThrowOnFailure();
    }

    private static readonly string[] CommentTexts =
    [
        "I waited ages on hold before {0} answered.",
        "{0} was rude and kept me waiting on hold for ages.",
        "No wait at all, {0} was lovely.",
        "The invoice was wrong and {0} never called me back.",
        "I was charged twice; {0} sorted out the refund quickly.",
        "{0} explained the policy clearly, very helpful.",
        "The app crashed again, awful.",
        "Brilliant.",
        "The website is confusing and {0} could not help.",
        "Quick response, the problem was resolved first time by {0}.",
    ];

    private static readonly string[] NamesAndContacts =
    [
        "Anna", "Tomasz", "the agent", "Dr Okafor", "Priya (07700 900123)", "someone at support@example.com", "Mohammed",
    ];

    private static ThemeAccumulator Accumulate(ThemeTaxonomy taxonomy, IEnumerable<Comment> comments)
    {
        var accumulator = new ThemeAccumulator(taxonomy);
        foreach (var comment in comments)
        {
            accumulator.Add(comment);
        }

        return accumulator;
    }

    private static string Render(ThemeCounts counts)
    {
        var text = new StringBuilder().Append(counts.TotalComments).Append('/').Append(counts.Uncoded).AppendLine();
        foreach (var (id, count) in counts.Themes)
        {
            text.Append(id).Append(' ').Append(count.Count).Append(' ')
                .Append(count.Negative).Append(' ').Append(count.Neutral).Append(' ').Append(count.Positive).Append(' ')
                .AppendJoin(',', count.BySource.Select(p => $"{p.Key}={p.Value}")).Append(' ')
                .AppendJoin(',', count.ByAudience.Select(p => $"{p.Key}={p.Value}")).Append(' ')
                .AppendJoin(" | ", count.Quotes).AppendLine();
        }

        return text.ToString();
    }

    private static Comment Customer(string text, string source) => new(text, source, Audience.Customer, null);
}

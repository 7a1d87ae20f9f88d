using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>The running totals of one theme, with a few quote candidates per polarity.</summary>
internal sealed class ThemeTally(int quotesPerTheme)
{
    private readonly int[] _byPolarity = new int[3];
    private readonly Dictionary<string, int> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<Audience, int> _byAudience = [];
    private readonly QuoteCandidates[] _quotes =
        [new(quotesPerTheme), new(quotesPerTheme), new(quotesPerTheme)];

    public int Count { get; private set; }

    public void Add(Polarity polarity, string source, Audience audience)
    {
        Count++;
        _byPolarity[(int)polarity]++;
        _bySource[source] = _bySource.GetValueOrDefault(source) + 1;
        _byAudience[audience] = _byAudience.GetValueOrDefault(audience) + 1;
    }

    public QuoteCandidates QuotesOf(Polarity polarity) => _quotes[(int)polarity];

    public void Merge(ThemeTally other)
    {
        Count += other.Count;
        for (var p = 0; p < _byPolarity.Length; p++)
        {
            _byPolarity[p] += other._byPolarity[p];
            _quotes[p].Merge(other._quotes[p]);
        }

        foreach (var (source, count) in other._bySource)
        {
            _bySource[source] = _bySource.GetValueOrDefault(source) + count;
        }

        foreach (var (audience, count) in other._byAudience)
        {
            _byAudience[audience] = _byAudience.GetValueOrDefault(audience) + count;
        }
    }

    public ThemeCount Snapshot() => new(
        Count,
        _byPolarity[(int)Polarity.Negative],
        _byPolarity[(int)Polarity.Neutral],
        _byPolarity[(int)Polarity.Positive],
        new SortedDictionary<string, int>(_bySource, StringComparer.Ordinal),
        new SortedDictionary<Audience, int>(_byAudience),
        [.. SelectQuotes()]);

    // The dominant direction first (criticism when it ties with praise), then neutral mentions, never the other
    // direction: the quotes stand beside findings in that direction ("missed", "mostly negatively"), and praise under a
    // shortfall reads as if the review contradicted itself. A theme with no polar mention at all shows neutral ones.
    private IEnumerable<string> SelectQuotes()
    {
        var negative = _byPolarity[(int)Polarity.Negative];
        var positive = _byPolarity[(int)Polarity.Positive];
        Polarity[] order = positive > negative
            ? [Polarity.Positive, Polarity.Neutral]
            : [Polarity.Negative, Polarity.Neutral];
        return order
            .SelectMany(p => _quotes[(int)p].Best.Select(c => c.Text))
            .Distinct(StringComparer.Ordinal)
            .Take(quotesPerTheme);
    }
}

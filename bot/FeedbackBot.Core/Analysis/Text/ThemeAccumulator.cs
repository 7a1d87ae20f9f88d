namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Codes comments one at a time and keeps only counts and a few quote candidates per theme, so memory stays the
/// same however many comments pass through. The result does not depend on the order comments are added in, nor on
/// how the work is split between accumulators that are merged. Not safe for concurrent use: give each thread its
/// own accumulator and merge them.
/// </summary>
public sealed class ThemeAccumulator
{
    private readonly ThemeTaxonomy _taxonomy;
    private readonly ThemeCoder _coder;
    private readonly int _quotesPerTheme;
    private readonly ThemeTally[] _themes;

    /// <summary>Creates an empty accumulator.</summary>
    /// <param name="taxonomy">The themes to code with.</param>
    /// <param name="quotesPerTheme">How many quotes to keep for each theme; 0 for none.</param>
    public ThemeAccumulator(ThemeTaxonomy taxonomy, int quotesPerTheme = 3)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentOutOfRangeException.ThrowIfNegative(quotesPerTheme);
        _taxonomy = taxonomy;
        _coder = new ThemeCoder(taxonomy);
        _quotesPerTheme = quotesPerTheme;
        _themes = [.. taxonomy.Themes.Select(_ => new ThemeTally(quotesPerTheme))];
    }

    /// <summary>Comments added.</summary>
    public int TotalComments { get; private set; }

    /// <summary>Comments added that mentioned no theme.</summary>
    public int Uncoded { get; private set; }

    /// <summary>Codes a comment and counts its themes; keeps its text only if it is among the best quotes so far.</summary>
    public void Add(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        TotalComments++;
        var reading = _coder.Read(comment.Text);
        if (reading.Themes.Count == 0)
        {
            Uncoded++;
            return;
        }

        // A comment illustrates one theme only, the one it speaks of most clearly (the first in taxonomy order on a
        // tie), so the same words never stand as the voice of two themes in one review.
        var illustrated = reading.Themes[0];
        foreach (var mention in reading.Themes)
        {
            _themes[mention.ThemeIndex].Add(mention.Polarity, comment.Source, comment.Audience);
            if (mention.Strength > illustrated.Strength)
            {
                illustrated = mention;
            }
        }

        var candidates = _themes[illustrated.ThemeIndex].QuotesOf(illustrated.Polarity);
        var score = QuoteScore.Of(comment.Text.Length, illustrated.Strength, reading.Themes.Count);
        if (candidates.Admits(score))
        {
            candidates.Offer(score, QuoteText.Of(comment.Text));
        }
    }

    /// <summary>Adds everything another accumulator over the same taxonomy has counted.</summary>
    public void Merge(ThemeAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new ArgumentException("An accumulator cannot be merged into itself.", nameof(other));
        }

        if (!_taxonomy.CodesLike(other._taxonomy) || other._quotesPerTheme != _quotesPerTheme)
        {
            throw new ArgumentException("Only accumulators with the same taxonomy and quotes per theme can be merged.", nameof(other));
        }

        TotalComments += other.TotalComments;
        Uncoded += other.Uncoded;
        for (var t = 0; t < _themes.Length; t++)
        {
            _themes[t].Merge(other._themes[t]);
        }
    }

    /// <summary>The counts so far; adding more comments afterwards does not change a snapshot already taken.</summary>
    public ThemeCounts Snapshot()
    {
        var themes = new Dictionary<string, ThemeCount>(StringComparer.Ordinal);
        for (var t = 0; t < _themes.Length; t++)
        {
            themes[_taxonomy.Themes[t].Id] = _themes[t].Snapshot();
        }

        return new ThemeCounts(TotalComments, Uncoded, themes);
    }
}

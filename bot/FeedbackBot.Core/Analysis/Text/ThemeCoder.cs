namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Codes comments with the themes of a taxonomy and judges the polarity of each mention. Keywords match whole
/// words in any case and their regular inflections (wait, waits, waited, waiting), and phrases match word for word
/// ("on hold"); where phrases overlap, the longest wins. A mention's polarity is judged from the part of the
/// comment around the keyword (between commas and "and", else the sentence or the part either side of "but"),
/// with negation ("not helpful", "didn't have to wait") and intensifiers ("very", "slightly"). Safe to share
/// between threads.
/// </summary>
public sealed class ThemeCoder
{
    private readonly CommentReader _reader;

    /// <summary>Creates a coder for a taxonomy.</summary>
    public ThemeCoder(ThemeTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        Taxonomy = taxonomy;
        _reader = new CommentReader(taxonomy.Model);
    }

    /// <summary>The taxonomy comments are coded with.</summary>
    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>The themes a comment mentions, each once, in taxonomy order, with the polarity of the mention.</summary>
    public IReadOnlyList<ThemeMention> Code(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. _reader.Read(text).Themes.Select(r => new ThemeMention(Taxonomy.Themes[r.ThemeIndex].Id, r.Polarity))];
    }

    /// <summary>The polarity of a whole comment, from the same lexicon; what follows "but" weighs more.</summary>
    public static Polarity Sentiment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PolarityRules.Of(DefaultReader.Read(text).Score);
    }

    /// <summary>Reads a comment with the details the accumulator needs.</summary>
    internal CommentReading Read(string text) => _reader.Read(text);

    private static CommentReader DefaultReader { get; } = new(ThemeTaxonomy.Default.Model);
}

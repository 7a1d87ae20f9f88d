namespace FeedbackBot.Core.Analysis.Text;

/// <summary>The sentiment lexicon and a taxonomy's keywords, compiled for matching.</summary>
internal sealed class TextModel
{
    /// <summary>The keyword index value of a blocker phrase.</summary>
    public const int NoTheme = -1;

    /// <summary>Keyword index values below this are qualified keywords: <see cref="QualifiedOf"/> gives their theme.</summary>
    public const int FirstQualified = -2;

    /// <summary>Compiles a taxonomy; use <see cref="ThemeTaxonomy.Model"/>, which compiles each taxonomy once.</summary>
    internal TextModel(ThemeTaxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        AddLexicon();
        foreach (var word in SentimentModifiers.Comparatives)
        {
            Comparatives.Add(Words.Intern(word));
        }

        for (var t = 0; t < taxonomy.Themes.Count; t++)
        {
            var theme = taxonomy.Themes[t];
            var curated = DefaultThemes.All.FirstOrDefault(d => d.Id == theme.Id)?.Keywords ?? [];
            foreach (var keyword in theme.Keywords)
            {
                // Curated keywords are plain forms; a plan may write "waited" and mean the whole family.
                var family = !curated.Contains(keyword, StringComparer.OrdinalIgnoreCase);
                AddPhrase(Keywords, keyword, t, family);
            }

            foreach (var keyword in theme.Qualified)
            {
                AddPhrase(Keywords, keyword, FirstQualified - t, family: false);
            }
        }

        foreach (var blocker in DefaultThemes.Blockers)
        {
            AddPhrase(Keywords, blocker, NoTheme, family: false);
        }
    }

    public ThemeTaxonomy Taxonomy { get; }

    /// <summary>The theme index of a qualified keyword's index value, or -1 when the value is not one.</summary>
    public static int QualifiedOf(int value) => value <= FirstQualified ? FirstQualified - value : -1;

    public Vocabulary Words { get; } = new();

    public PhraseIndex<LexiconEntry> Lexicon { get; } = new();

    /// <summary>Values are indexes into the taxonomy's themes, <see cref="NoTheme"/>, or a qualified keyword's value.</summary>
    public PhraseIndex<int> Keywords { get; } = new();

    public HashSet<int> Comparatives { get; } = [];

    private void AddLexicon()
    {
        var modal = SentimentModifiers.ModalNegators.ToHashSet(StringComparer.Ordinal);
        AddAll(SentimentModifiers.NeutralPhrases, new LexiconEntry(LexiconRole.Neutral, 0));
        foreach (var negator in SentimentModifiers.Negators)
        {
            AddPhrase(Lexicon, negator, new LexiconEntry(LexiconRole.Negator, PolarityRules.DanglingScore, modal.Contains(negator)), false);
        }

        AddAll(SentimentModifiers.EmphaticNegators, new LexiconEntry(LexiconRole.Negator, PolarityRules.EmphaticDanglingScore));
        AddAll(SentimentModifiers.SoftNegators, new LexiconEntry(LexiconRole.Negator, 0));
        AddAll(SentimentModifiers.Intensifiers, new LexiconEntry(LexiconRole.Modifier, PolarityRules.IntensifierFactor));
        AddAll(SentimentModifiers.Diminishers, new LexiconEntry(LexiconRole.Modifier, PolarityRules.DiminisherFactor));
        AddAll(PositiveWords.Strong, new LexiconEntry(LexiconRole.Sentiment, PolarityRules.StrongScore));
        AddAll(PositiveWords.Moderate, new LexiconEntry(LexiconRole.Sentiment, PolarityRules.ModerateScore));
        AddAll(PositiveWords.Mild, new LexiconEntry(LexiconRole.Sentiment, PolarityRules.MildScore));
        AddAll(NegativeWords.Strong, new LexiconEntry(LexiconRole.Sentiment, -PolarityRules.StrongScore));
        AddAll(NegativeWords.Moderate, new LexiconEntry(LexiconRole.Sentiment, -PolarityRules.ModerateScore));
        AddAll(NegativeWords.Mild, new LexiconEntry(LexiconRole.Sentiment, -PolarityRules.MildScore));
    }

    private void AddAll(string[] phrases, LexiconEntry entry)
    {
        foreach (var phrase in phrases)
        {
            AddPhrase(Lexicon, phrase, entry, family: false);
        }
    }

    private void AddPhrase<T>(PhraseIndex<T> index, string phrase, T value, bool family)
    {
        var words = Tokenizer.Words(phrase);
        if (words.Count > 0)
        {
            index.Add([.. words.Select(w => family ? Words.InternWithForms(w) : [Words.Intern(w)])], value);
        }
    }
}

namespace FeedbackBot.Core.Analysis.Text;

/// <summary>
/// Scores a comment's sentiment word by word and judges each theme by the part of the comment that mentions it:
/// first the segment (between commas and "and"), and when that says nothing either way, the clause (sentence, or
/// the part either side of "but").
/// </summary>
internal sealed class CommentReader(TextModel model)
{
    public CommentReading Read(string text)
    {
        var resolved = ResolvedText.Of(text, model.Words);
        var segmentScores = new double[resolved.SegmentCount];
        var clauseScores = new double[resolved.ClauseCount];
        ScoreSentiment(resolved, segmentScores, clauseScores);

        var score = 0.0;
        for (var c = 0; c < clauseScores.Length; c++)
        {
            var weight = resolved.ShiftedClauses[c] ? PolarityRules.AfterContrastWeight : 1;
            if (c + 1 < clauseScores.Length && resolved.ShiftedClauses[c + 1])
            {
                weight *= PolarityRules.BeforeContrastWeight;
            }

            score += weight * clauseScores[c];
        }

        return new CommentReading(score, JudgeThemes(resolved, segmentScores, clauseScores));
    }

    private void ScoreSentiment(ResolvedText text, double[] segmentScores, double[] clauseScores)
    {
        var tokens = text.Tokens;
        var found = new List<LexiconEntry>();
        var negation = default(PendingNegation);
        var factor = 1.0;
        var factorEnd = -1;
        var i = 0;
        while (i < tokens.Count)
        {
            var token = tokens[i];
            if (negation.Active && (token.Segment != tokens[negation.End].Segment || i - negation.End > PolarityRules.NegationReach))
            {
                negation = negation.Close(tokens, segmentScores, clauseScores);
            }

            var length = model.Lexicon.LongestAt(text, i, found);
            if (length == 0)
            {
                i++;
                continue;
            }

            var entry = found[0];
            var last = i + length - 1;
            var chained = factorEnd == i - 1 && factorEnd >= 0 && tokens[factorEnd].Segment == token.Segment;
            switch (entry.Role)
            {
                case LexiconRole.Negator:
                    negation = negation.Close(tokens, segmentScores, clauseScores);
                    negation = new PendingNegation(true, i, last, entry.Value, entry.Modal, false);
                    break;
                case LexiconRole.Modifier:
                    factor = (chained ? factor : 1) * entry.Value;
                    factorEnd = last;
                    break;
                case LexiconRole.Sentiment:
                    var score = entry.Value * (chained ? factor : 1);
                    if (negation.Active)
                    {
                        score *= negation.Modal && HasComparative(text, negation.End + 1, last)
                            ? PolarityRules.ModalComparativeFactor
                            : PolarityRules.NegationFactor;
                        // A negation carries on through a run of sentiment words: "nothing was too much trouble".
                        negation = negation with { Used = true, End = last };
                    }

                    segmentScores[token.Segment] += score;
                    clauseScores[token.Clause] += score;
                    break;
                case LexiconRole.Neutral:
                    break;
            }

            if (entry.Role != LexiconRole.Modifier)
            {
                factorEnd = -1;
            }

            i += length;
        }

        negation.Close(tokens, segmentScores, clauseScores);
    }

    private bool HasComparative(ResolvedText text, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            foreach (var id in text.IdsOf(i))
            {
                if (model.Comparatives.Contains(id))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private List<ThemeReading> JudgeThemes(ResolvedText text, double[] segmentScores, double[] clauseScores)
    {
        var themeCount = model.Taxonomy.Themes.Count;
        var lastSegment = new int[themeCount];
        var lastClause = new int[themeCount];
        var segmentSums = new double[themeCount];
        var clauseSums = new double[themeCount];
        Array.Fill(lastSegment, -1);
        Array.Fill(lastClause, -1);
        var found = new List<int>();
        List<(int Theme, Token Token)>? qualified = null;
        bool[]? segmentNamesATheme = null;
        var i = 0;
        while (i < text.Tokens.Count)
        {
            var length = model.Keywords.LongestAt(text, i, found);
            if (length == 0)
            {
                i++;
                continue;
            }

            var token = text.Tokens[i];
            foreach (var theme in found)
            {
                if (theme == TextModel.NoTheme)
                {
                    continue;
                }

                if (TextModel.QualifiedOf(theme) is var weak and >= 0)
                {
                    (qualified ??= []).Add((weak, token));
                    continue;
                }

                segmentNamesATheme ??= new bool[text.SegmentCount];
                segmentNamesATheme[token.Segment] = true;
                Count(theme, token);
            }

            i += length;
        }

        // A qualified word counts only for a theme no plain keyword found, where its segment judges something and
        // names no theme: "the app is useless" is about access, "call me on ..." and "no reply to my emails" are not.
        if (qualified is not null)
        {
            var plain = Array.ConvertAll(lastSegment, s => s >= 0);
            foreach (var (theme, token) in qualified)
            {
                if (!plain[theme]
                    && Math.Abs(segmentScores[token.Segment]) >= PolarityRules.Threshold
                    && segmentNamesATheme?[token.Segment] != true)
                {
                    Count(theme, token);
                }
            }
        }

        var readings = new List<ThemeReading>();
        for (var t = 0; t < themeCount; t++)
        {
            if (lastSegment[t] < 0)
            {
                continue;
            }

            var score = Math.Abs(segmentSums[t]) >= PolarityRules.Threshold ? segmentSums[t] : clauseSums[t];
            readings.Add(new ThemeReading(t, PolarityRules.Of(score), Math.Abs(score)));
        }

        return readings;

        void Count(int theme, Token token)
        {
            // Tokens come in order, so a segment or clause already counted for a theme is its last one.
            if (lastSegment[theme] != token.Segment)
            {
                lastSegment[theme] = token.Segment;
                segmentSums[theme] += segmentScores[token.Segment];
            }

            if (lastClause[theme] != token.Clause)
            {
                lastClause[theme] = token.Clause;
                clauseSums[theme] += clauseScores[token.Clause];
            }
        }
    }

    /// <summary>A negator waiting for a sentiment word to reverse.</summary>
    private readonly record struct PendingNegation(bool Active, int Start, int End, double DanglingScore, bool Modal, bool Used)
    {
        /// <summary>Ends the negation; one that reversed nothing counts as its own dangling score.</summary>
        public PendingNegation Close(List<Token> tokens, double[] segmentScores, double[] clauseScores)
        {
            if (Active && !Used)
            {
                segmentScores[tokens[Start].Segment] += DanglingScore;
                clauseScores[tokens[Start].Clause] += DanglingScore;
            }

            return default;
        }
    }
}

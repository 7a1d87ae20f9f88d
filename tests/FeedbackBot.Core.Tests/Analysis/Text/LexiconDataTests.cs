using FeedbackBot.Core.Analysis.Text;

namespace FeedbackBot.Core.Tests.Analysis.Text;

public sealed class LexiconDataTests
{
    [Fact]
    public void Lexicon_EveryPhrase_HasOneMeaning()
    {
        (string List, string[] Phrases)[] lists =
        [
            ("positive strong", PositiveWords.Strong), ("positive moderate", PositiveWords.Moderate), ("positive mild", PositiveWords.Mild),
            ("negative strong", NegativeWords.Strong), ("negative moderate", NegativeWords.Moderate), ("negative mild", NegativeWords.Mild),
            ("negators", SentimentModifiers.Negators), ("emphatic negators", SentimentModifiers.EmphaticNegators),
            ("soft negators", SentimentModifiers.SoftNegators), ("intensifiers", SentimentModifiers.Intensifiers),
            ("diminishers", SentimentModifiers.Diminishers), ("neutral phrases", SentimentModifiers.NeutralPhrases),
        ];

        var conflicts = lists
            .SelectMany(l => l.Phrases.Select(p => (Phrase: string.Join(' ', Tokenizer.Words(p)), l.List)))
            .GroupBy(p => p.Phrase)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.List))}");

        Assert.Empty(conflicts);
    }

    [Fact]
    public void ModalNegators_AreAllNegators()
    {
        Assert.Empty(SentimentModifiers.ModalNegators.Except(SentimentModifiers.Negators));
    }

    [Fact]
    public void FirstNames_LeaveOutMonthsAndWeekdays()
    {
        Assert.Empty(FirstNames.Unambiguous.Concat(FirstNames.Ambiguous).Intersect(NameCues.NotNames));
    }
}

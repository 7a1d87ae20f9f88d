using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Tests.Scorecards;

/// <summary>A phone scorecard with each kind of criterion, and evaluations built from the import's spellings.</summary>
internal static class ScorecardFixtures
{
    /// <summary>greeting (yesno, weight 1, n/a allowed), verified (yesno, critical), tone (rating5, weight 2, n/a allowed); pass mark 80.</summary>
    public static Scorecard Phone { get; } = new("phone-call", "Phone call", [InteractionChannel.Phone, InteractionChannel.Chat], 80,
    [
        new Criterion("greeting", "Greeted the customer", "care", "csat", CriterionScale.YesNo, 1, Critical: false, AllowNa: true),
        new Criterion("verified", "Checked the caller's identity", "care", null, CriterionScale.YesNo, 1, Critical: true, AllowNa: false),
        new Criterion("tone", "Kept a friendly tone", "care", null, CriterionScale.Rating5, 2, Critical: false, AllowNa: true),
    ]);

    public static Dictionary<string, CriterionAnswer> Answers(Scorecard scorecard, params string[] spellings) =>
        scorecard.Criteria.Zip(spellings).ToDictionary(
            p => p.First.Id,
            p => CriterionAnswer.TryParse(p.Second, p.First, out var answer, out var error) ? answer : throw new ArgumentException(error));

    public static QaEvaluation Evaluation(
        string id, string interaction, string agent, string evaluator, InteractionChannel channel, DateTime at, Scorecard scorecard, params string[] spellings)
    {
        var answers = Answers(scorecard, spellings);
        return new QaEvaluation(id, interaction, agent, evaluator, scorecard.Id, channel, at, answers, scorecard.Score(answers));
    }
}

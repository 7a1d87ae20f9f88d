using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Scorecards;

/// <summary>
/// An evaluation as stored (answers and channel as text, the score worked out when it was made) read back for the
/// reports: answers are read on the scorecards given, and one that no longer fits its criterion (a criterion removed
/// or its scale changed) is left out as a missing value, while the evaluation keeps its stored score.
/// </summary>
public static class StoredEvaluation
{
    /// <summary>The answers that still fit <paramref name="scorecard"/>'s criteria, by criterion id.</summary>
    public static Dictionary<string, CriterionAnswer> Answers(Scorecard? scorecard, IEnumerable<(string CriterionId, string Answer)> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var answers = new Dictionary<string, CriterionAnswer>(StringComparer.Ordinal);
        foreach (var (criterionId, text) in stored)
        {
            if (scorecard?.FindCriterion(criterionId) is { } criterion && CriterionAnswer.TryParse(text, criterion, out var read, out _))
            {
                answers[criterion.Id] = read;
            }
        }

        return answers;
    }

    /// <summary>A stored evaluation as the reports read it; a channel no longer known reads as <see cref="InteractionChannel.Other"/>.</summary>
    /// <param name="key">Its evaluation id.</param>
    /// <param name="interaction">The interaction evaluated.</param>
    /// <param name="agent">The agent, or empty where the reader must not know (a review posted to channels).</param>
    /// <param name="evaluator">The evaluator, or empty likewise.</param>
    /// <param name="scorecardId">The scorecard's id.</param>
    /// <param name="channel">The channel as stored (<c>face_to_face</c>).</param>
    /// <param name="evaluatedAt">When it was made, in UTC.</param>
    /// <param name="answers">The stored answers.</param>
    /// <param name="score">The stored score.</param>
    /// <param name="scorecards">The scorecards to read the answers on.</param>
    public static QaEvaluation Read(
        string key,
        string interaction,
        string agent,
        string evaluator,
        string scorecardId,
        string channel,
        DateTime evaluatedAt,
        IEnumerable<(string CriterionId, string Answer)> answers,
        EvaluationScore score,
        IReadOnlyList<Scorecard> scorecards)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(scorecards);
        var read = PlanVocabulary.InteractionChannels.TryGet(channel, out var known) ? known : InteractionChannel.Other;
        return new QaEvaluation(
            key,
            interaction,
            agent,
            evaluator,
            scorecardId,
            read,
            DateTime.SpecifyKind(evaluatedAt, DateTimeKind.Utc),
            Answers(scorecards.FirstOrDefault(s => s.Id == scorecardId), answers),
            score with { Passed = score.Score is null ? null : score.Passed });
    }
}

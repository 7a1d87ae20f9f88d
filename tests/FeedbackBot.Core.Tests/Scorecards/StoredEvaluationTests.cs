using FeedbackBot.Core.Scorecards;

namespace FeedbackBot.Core.Tests.Scorecards;

public sealed class StoredEvaluationTests
{
    [Fact]
    public void Read_AnswersThatNoLongerFit_AreLeftOutAndTheStoredScoreKept()
    {
        var evaluation = StoredEvaluation.Read(
            "e1", "CALL-1", "sam@example.com", "morgan@example.com", "phone-call", "face_to_face", new DateTime(2026, 12, 1, 9, 0, 0),
            [("greeting", "yes"), ("verified", "4"), ("gone", "yes"), ("tone", "5")],
            new EvaluationScore(75, CriticalFail: false, Passed: false),
            [ScorecardFixtures.Phone]);

        Assert.Equal(["greeting", "tone"], evaluation.Answers.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(75, evaluation.Result.Score);
        Assert.Equal(InteractionChannel.FaceToFace, evaluation.Channel);
        Assert.Equal(DateTimeKind.Utc, evaluation.EvaluatedAt.Kind);
    }

    [Fact]
    public void Read_UnknownChannelOrScorecardAndNoScore_ReadsAsOtherWithNoAnswersAndNoPass()
    {
        var evaluation = StoredEvaluation.Read(
            "e2", "CALL-2", "", "", "retired", "pigeon", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
            [("greeting", "yes")],
            new EvaluationScore(null, CriticalFail: false, Passed: false),
            [ScorecardFixtures.Phone]);

        Assert.Equal(InteractionChannel.Other, evaluation.Channel);
        Assert.Empty(evaluation.Answers);
        Assert.Null(evaluation.Result.Passed);
    }
}

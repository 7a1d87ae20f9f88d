using System.Globalization;
using FeedbackBot.Testing;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Tests.Features.Scorecards;

/// <summary>The stored evaluations as one line each, so a test compares what an operator would see.</summary>
internal static class Evaluations
{
    /// <summary>
    /// <c>key|interaction|agent|agent person|evaluator|evaluator person|scorecard|channel|evaluated (UTC)|score|critical|passed|answers|went well|to improve</c>
    /// sorted by key; a person is the roster's e-mail address or platform id, empty when none; answers are
    /// <c>criterion=answer</c> by criterion.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var people = await db.People.ToDictionaryAsync(p => p.Id, p => p.Email ?? p.ChannelUserId);
        var rows = await db.Evaluations.Include(e => e.Answers).ToListAsync();
        return [.. rows
            .OrderBy(e => e.EvaluationKey, StringComparer.Ordinal)
            .Select(e => string.Join('|',
                e.EvaluationKey,
                e.InteractionKey,
                e.Agent,
                e.AgentPersonId is { } agent ? people[agent] : "",
                e.Evaluator,
                e.EvaluatorPersonId is { } evaluator ? people[evaluator] : "",
                e.ScorecardId,
                e.Channel,
                e.EvaluatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                e.Score?.ToString(CultureInfo.InvariantCulture) ?? "",
                e.CriticalFail ? "critical" : "",
                e.Passed ? "passed" : "failed",
                string.Join(' ', e.Answers.OrderBy(a => a.CriterionId, StringComparer.Ordinal).Select(a => $"{a.CriterionId}={a.Answer}")),
                e.WentWell,
                e.ToImprove))];
    }
}

using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Coaching;

/// <summary>
/// Who may read a named person's evaluation: the agent themself, the evaluator who wrote it, and the managers (and
/// admins) of the agent's team on the roster. Every read of someone else's evaluation is written to the audit trail
/// before it is shown; a refused read writes nothing.
/// </summary>
internal sealed class EvaluationAccess(FeedbackDbContext db)
{
    public const string ReadAction = "evaluation.read";

    /// <summary>Whether <paramref name="viewer"/> may read evaluations of <paramref name="agentId"/> written by others than them.</summary>
    public async Task<bool> ManagesAsync(Person viewer, Guid agentId, CancellationToken cancellationToken)
    {
        if (viewer.Role is not (PersonRole.Manager or PersonRole.Admin))
        {
            return false;
        }

        var teams = db.PersonSegments.Where(s => s.PersonId == viewer.Id && s.Name == SegmentNames.Team).Select(s => s.Value);
        return await db.PersonSegments.AnyAsync(s => s.PersonId == agentId && s.Name == SegmentNames.Team && teams.Contains(s.Value), cancellationToken);
    }

    /// <summary>Whether <paramref name="viewer"/> may read <paramref name="evaluation"/>.</summary>
    public async Task<bool> CanReadAsync(Person viewer, Evaluation evaluation, CancellationToken cancellationToken) =>
        evaluation.TenantId == viewer.TenantId
        && (evaluation.AgentPersonId == viewer.Id
            || evaluation.EvaluatorPersonId == viewer.Id
            || (evaluation.AgentPersonId is { } agent && await ManagesAsync(viewer, agent, cancellationToken)));

    /// <summary>Records that <paramref name="viewer"/> read these evaluations, unless they are their own; saved with the caller's changes.</summary>
    public void RecordReads(Person viewer, IEnumerable<Evaluation> evaluations, DateTime now)
    {
        foreach (var evaluation in evaluations.Where(e => e.AgentPersonId != viewer.Id))
        {
            db.AuditEntries.Add(new AuditEntry
            {
                Id = Guid.NewGuid(),
                TenantId = evaluation.TenantId,
                At = now,
                Actor = viewer.ChannelUserId ?? viewer.Id.ToString("D"),
                Action = ReadAction,
                Subject = evaluation.Id.ToString("D"),
                Detail = "chat",
            });
        }
    }
}

using System.Globalization;
using FeedbackBot.CommandLine;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Improvement;
using FeedbackBot.Core.Plans;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using FeedbackBot.Features.Cycles;
using FeedbackBot.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.Actions;

/// <summary>
/// An improvement action's before/after check: the usable answers of the plan's cycles in each window, pooled, compared
/// as the review compares a KPI with its previous cycle (<see cref="BeforeAfterCheck"/>). Before is the cycle the action
/// was adopted from unless given; after is every completed cycle that started on or after the day the change went live.
/// The verdict becomes the action's status once it is implemented, and each check is a line of its log.
/// </summary>
internal static class CheckAction
{
    /// <summary>The check, with the cycles each window pooled.</summary>
    public sealed record Outcome(ActionCheck Check, IReadOnlyList<CycleDates> BeforeCycles, IReadOnlyList<CycleDates> AfterCycles);

    private static readonly ImprovementActionStatus[] Checked =
    [
        ImprovementActionStatus.Implemented, ImprovementActionStatus.Improved, ImprovementActionStatus.NotImproved, ImprovementActionStatus.Inconclusive,
    ];

    public static async Task<Outcome> RunAsync(
        FeedbackDbContext db, ImprovementAction action, CycleDates? before, CycleDates? after, DateTime now, CancellationToken cancellationToken)
    {
        var plan = await (from p in db.Plans.AsNoTracking()
                          join v in db.PlanVersions.AsNoTracking() on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                          where p.Id == action.PlanId
                          select v.Definition).SingleAsync(cancellationToken);
        var kpi = action.Kpi is { } id ? PlanJson.Deserialize(plan).Kpis.FirstOrDefault(k => k.Id == id) : null;
        if (kpi?.Question is null || kpi.Metric is KpiMetric.ResponseRate or KpiMetric.Operational)
        {
            throw new UsageException(action.Kpi is null
                ? $"Action {action.Number} rests on no KPI of the plan ({action.Metric}), so there is nothing to compare before and after."
                : $"Action {action.Number}'s KPI '{action.Kpi}' is not computed from survey answers; only those can be checked before and after.");
        }

        if (after is null && action.ImplementedOn is null)
        {
            throw new UsageException($"Action {action.Number} has not been implemented: record the day it went live with 'actions update {action.Number} --implemented-on DATE', or give --after.");
        }

        var cycles = await db.ReviewCycles.AsNoTracking().Where(c => c.PlanId == action.PlanId).OrderBy(c => c.StartsAt).ToListAsync(cancellationToken);
        var completed = cycles.Where(c => c.State != CycleState.Open || c.EndsAt <= now).ToList();
        List<Data.Entities.ReviewCycle> beforeCycles;
        if (before is { } b)
        {
            beforeCycles = [.. completed.Where(c => c.StartsAt >= b.StartsAt && c.EndsAt <= b.EndsAt)];
        }
        else
        {
            var source = await db.Reviews.AsNoTracking().Where(r => r.Id == action.ReviewId).Select(r => r.CycleId).SingleAsync(cancellationToken);
            beforeCycles = [.. cycles.Where(c => c.Id == source)];
        }

        var afterCycles = after is { } a
            ? completed.Where(c => c.StartsAt >= a.StartsAt && c.EndsAt <= a.EndsAt).ToList()
            : completed.Where(c => DateOnly.FromDateTime(c.StartsAt) >= action.ImplementedOn!.Value).ToList();

        var check = BeforeAfterCheck.Run(
            kpi,
            await PoolAsync(db, beforeCycles, kpi.Question, cancellationToken),
            await PoolAsync(db, afterCycles, kpi.Question, cancellationToken),
            action.Target ?? kpi.Target);

        var verdict = check.Verdict switch
        {
            ActionVerdict.Improved => ImprovementActionStatus.Improved,
            ActionVerdict.NotImproved => ImprovementActionStatus.NotImproved,
            _ => ImprovementActionStatus.Inconclusive,
        };
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{ImprovementActionStatuses.Name(verdict)}: {Figure(check.Before.Value)} (n = {check.Before.N}) before, {Figure(check.After.Value)} (n = {check.After.N}) after" +
            $"{(check.PValue is { } pValue ? $", p = {pValue:0.###}" : "")}. {check.Explanation}");
        db.ImprovementActionNotes.Add(new ImprovementActionNote { Id = Guid.NewGuid(), ActionId = action.Id, At = now, Kind = ActionNotes.Check, Text = line, Author = "bot" });
        if (Checked.Contains(action.Status) && action.Status != verdict)
        {
            action.Status = verdict;
            action.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Outcome(check, [.. beforeCycles.Select(Dates)], [.. afterCycles.Select(Dates)]);
    }

    // Each cycle's usable answers, read on the plan version it ran under, then added up.
    private static async Task<AnswerTally> PoolAsync(FeedbackDbContext db, IReadOnlyList<Data.Entities.ReviewCycle> cycles, string question, CancellationToken cancellationToken)
    {
        var tallies = new List<AnswerTally>();
        foreach (var cycle in cycles)
        {
            var definition = PlanJson.Deserialize(await db.PlanVersions.AsNoTracking().Where(v => v.Id == cycle.PlanVersionId).Select(v => v.Definition).SingleAsync(cancellationToken));
            var tallied = await CycleResponses.AnalyseAsync(db, cycle.Id, definition, new CycleWindow(cycle.StartsAt, cycle.EndsAt), cancellationToken);
            if (tallied.Questions.TryGetValue(question, out var tally))
            {
                tallies.Add(tally);
            }
        }

        return AnswerTally.Pool(tallies);
    }

    private static CycleDates Dates(Data.Entities.ReviewCycle cycle) =>
        new(DateOnly.FromDateTime(cycle.StartsAt), DateOnly.FromDateTime(cycle.EndsAt).AddDays(-1));

    private static string Figure(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "no value";
}

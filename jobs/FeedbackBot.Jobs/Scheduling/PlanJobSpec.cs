namespace FeedbackBot.Jobs.Scheduling;

/// <summary>The recurring open-cycle job a plan should have: its cron read in its time zone, held while the plan is paused.</summary>
/// <param name="PlanId">The plan's database id.</param>
/// <param name="JobId">The recurring job's id (<see cref="JobIds.ForPlan"/>).</param>
/// <param name="Description">Which plan of which tenant, for people reading the job list.</param>
/// <param name="Cron">The plan's five-field cron, as written.</param>
/// <param name="TimeZone">The zone the cron is read in.</param>
/// <param name="Paused">Whether the plan is paused.</param>
public sealed record PlanJobSpec(Guid PlanId, string JobId, string Description, string Cron, TimeZoneInfo TimeZone, bool Paused);

/// <summary>What one synchronisation changed.</summary>
public readonly record struct PlanSyncChanges(int Added, int Replaced, int Paused, int Resumed, int Removed)
{
    public bool Any => Added + Replaced + Paused + Resumed + Removed > 0;

    public override string ToString() =>
        $"{Added} added, {Replaced} replaced, {Paused} paused, {Resumed} resumed, {Removed} removed";
}

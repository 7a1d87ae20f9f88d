namespace FeedbackBot.Features.Plans;

internal enum PlanApplyKind
{
    Created,
    Updated,
    Unchanged,
}

internal sealed record PlanApplyOutcome(string PlanId, int Version, PlanApplyKind Kind, string Source)
{
    public override string ToString() => Kind switch
    {
        PlanApplyKind.Created => $"{PlanId}: created, version {Version} (from {Source})",
        PlanApplyKind.Updated => $"{PlanId}: updated to version {Version} (from {Source})",
        _ => $"{PlanId}: unchanged, still version {Version} (from {Source})",
    };
}

namespace FeedbackBot.Core.Reviews;

/// <summary>
/// What an earlier cycle of the plan imported, so the review can follow complaint categories over several cycles and
/// judge this cycle's daily figures against the earlier ones.
/// </summary>
/// <param name="Window">The earlier cycle's window.</param>
/// <param name="Complaints">Complaints received in it.</param>
/// <param name="Operational">Operational metric values of its days.</param>
public sealed record EarlierCycle(CycleSpan Window, IReadOnlyList<ComplaintRecord> Complaints, IReadOnlyList<OperationalObservation> Operational);

namespace FeedbackBot.Data.Entities;

/// <summary>Where an improvement action stands; stored in snake case (<c>in_progress</c>, <c>not_improved</c>).</summary>
public enum ImprovementActionStatus
{
    Planned,
    InProgress,
    Implemented,
    Improved,
    NotImproved,
    Inconclusive,
    Sustained,
    Regressed,
    Abandoned,
}

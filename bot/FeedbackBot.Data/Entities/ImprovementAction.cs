namespace FeedbackBot.Data.Entities;

/// <summary>
/// A review's recommendation adopted as an improvement action: who owns it, by when, with what, the KPI it is meant
/// to move and that KPI's baseline in the review it came from, its success criterion, its milestones, and its log of
/// dated notes.
/// </summary>
public sealed class ImprovementAction
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }

    /// <summary>The number people use for it (<c>actions show 3</c>), unique within the tenant, from 1.</summary>
    public int Number { get; set; }

    /// <summary>The review it was adopted from.</summary>
    public Guid ReviewId { get; set; }

    /// <summary>The recommendation's id in that review (<c>r2</c>).</summary>
    public required string RecommendationId { get; set; }

    /// <summary>The recommendation's key, the same for the same advice in later reviews.</summary>
    public required string RecommendationKey { get; set; }

    public required string Title { get; set; }
    public string? Feature { get; set; }
    public string? Theme { get; set; }

    /// <summary>The plan's KPI it is meant to move, when the recommendation rests on one.</summary>
    public string? Kpi { get; set; }

    /// <summary>The evidence's metric (<c>csat</c>, <c>theme:waiting</c>): what the baseline measures.</summary>
    public required string Metric { get; set; }

    /// <summary>higher or lower: which way is better.</summary>
    public required string Direction { get; set; }

    public double? BaselineValue { get; set; }
    public long? BaselineN { get; set; }
    public double? BaselineLow { get; set; }
    public double? BaselineHigh { get; set; }

    /// <summary>The success criterion: the KPI's target unless one was given when adopting.</summary>
    public double? Target { get; set; }

    /// <summary>The owner as given: an e-mail address or a platform user id.</summary>
    public required string Owner { get; set; }

    /// <summary>The person the owner is, once the bot knows them (they spoke to it, or a roster lists them).</summary>
    public Guid? OwnerPersonId { get; set; }

    public DateOnly DueOn { get; set; }
    public string? Resources { get; set; }
    public decimal? Cost { get; set; }
    public ImprovementActionStatus Status { get; set; }

    /// <summary>The day the change went live, once implemented: the after window starts there.</summary>
    public DateOnly? ImplementedOn { get; set; }

    /// <summary>Since it improved: the cycles in a row whose KPI met the target (sustained at the plan's <c>sustain_cycles</c>).</summary>
    public int CyclesHeld { get; set; }

    /// <summary>The last cycle counted towards <see cref="CyclesHeld"/> or that regressed it, so a review run again counts it once.</summary>
    public Guid? LastHeldCycleId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who adopted it: a platform user id, or <c>cli</c>.</summary>
    public required string CreatedBy { get; set; }

    public List<ImprovementActionNote> Notes { get; } = [];

    public List<ImprovementActionMilestone> Milestones { get; } = [];
}

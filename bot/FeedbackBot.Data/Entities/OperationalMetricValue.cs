namespace FeedbackBot.Data.Entities;

/// <summary>One day's figure of an operational metric (such as first response minutes) of a plan, for one segment.</summary>
public sealed class OperationalMetricValue
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Plan? Plan { get; set; }
    public DateOnly Date { get; set; }

    /// <summary>The metric's name, as an operational KPI of the plan names it.</summary>
    public required string Metric { get; set; }

    /// <summary>
    /// The segment the figure is for; empty for the whole service. Never null, so the unique index on
    /// (plan, metric, date, segment) also holds for the whole-service figure on PostgreSQL, where nulls are distinct.
    /// </summary>
    public required string Segment { get; set; }

    public double Value { get; set; }
    public DateTime ImportedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

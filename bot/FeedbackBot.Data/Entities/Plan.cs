namespace FeedbackBot.Data.Entities;

/// <summary>A measurement plan of a tenant; its content lives in its versions.</summary>
public sealed class Plan
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Tenant? Tenant { get; set; }

    /// <summary>The plan's id as written in its file, unique within the tenant.</summary>
    public required string Key { get; set; }

    public PlanState State { get; set; }
    public int CurrentVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<PlanVersion> Versions { get; } = [];
}

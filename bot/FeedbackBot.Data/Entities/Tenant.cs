namespace FeedbackBot.Data.Entities;

/// <summary>A Teams tenant, a Slack workspace, or the local tenant used by the command line and the playground.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }
    public TenantChannel Channel { get; set; }

    /// <summary>The platform's id: the Entra tenant id, the Slack team id, or "local".</summary>
    public required string ExternalId { get; set; }

    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Person> People { get; } = [];
    public List<Plan> Plans { get; } = [];
}

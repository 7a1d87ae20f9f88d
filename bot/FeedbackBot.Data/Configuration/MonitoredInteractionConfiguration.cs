using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class MonitoredInteractionConfiguration : IEntityTypeConfiguration<MonitoredInteraction>
{
    public void Configure(EntityTypeBuilder<MonitoredInteraction> builder)
    {
        builder.ToTable("MonitoredInteractions");
        builder.Property(i => i.InteractionKey).HasMaxLength(200);
        builder.Property(i => i.Agent).HasMaxLength(200);
        builder.Property(i => i.Channel).HasMaxLength(16);
        builder.Property(i => i.Queue).HasMaxLength(100);
        builder.HasIndex(i => new { i.TenantId, i.InteractionKey }).IsUnique();

        // QA sampling draws per agent within a period.
        builder.HasIndex(i => new { i.TenantId, i.Agent, i.StartedAt });
        builder.HasOne(i => i.Tenant).WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);

        // A person deleted from the roster leaves the log intact, under the source's name for the agent.
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.AgentPersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ConversationReferenceConfiguration : IEntityTypeConfiguration<ConversationReference>
{
    public void Configure(EntityTypeBuilder<ConversationReference> builder)
    {
        builder.ToTable("ConversationReferences");
        builder.Property(c => c.ConversationId).HasMaxLength(400);
        builder.Property(c => c.ServiceUrl).HasMaxLength(500);
        builder.Property(c => c.BotId).HasMaxLength(200);
        builder.Property(c => c.TeamId).HasMaxLength(200);
        builder.HasIndex(c => new { c.TenantId, c.ConversationId }).IsUnique();
        builder.HasIndex(c => c.PersonId);
        builder.HasOne(c => c.Tenant).WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

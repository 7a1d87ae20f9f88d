using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> builder)
    {
        builder.ToTable("Responses");
        builder.Property(r => r.RespondentKey).HasMaxLength(200);
        builder.Property(r => r.Audience).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Segment).HasMaxLength(200);
        builder.Property(r => r.IdempotencyKey).HasMaxLength(200);
        builder.HasIndex(r => new { r.CycleId, r.IdempotencyKey }).IsUnique();
        builder.HasIndex(r => new { r.CycleId, r.RespondentKey });
        // Not a foreign key on purpose: the model keeps no path from an answer to a person (StorageTests prove it).
        builder.HasIndex(r => r.InvitationId).IsUnique();
        builder.Property(r => r.Agent).HasMaxLength(200);
        builder.Property(r => r.InteractionChannel).HasMaxLength(50);
        builder.HasOne(r => r.Cycle).WithMany().HasForeignKey(r => r.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FeedbackBot.Data.Configuration;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.CycleId, i.PersonId }).IsUnique();
        builder.HasIndex(i => i.PersonId);
        builder.HasOne(i => i.Cycle).WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

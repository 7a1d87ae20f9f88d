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
        builder.HasIndex(i => new { i.CycleId, i.ContactId }).IsUnique();
        builder.HasIndex(i => i.PersonId);
        builder.HasIndex(i => i.ContactId);
        builder.Property(i => i.Via).HasMaxLength(16);
        builder.Property(i => i.InteractionId).HasMaxLength(200);
        builder.Property(i => i.Agent).HasMaxLength(200);
        builder.Property(i => i.InteractionChannel).HasMaxLength(50);
        builder.Property(i => i.Segment).HasMaxLength(200);
        builder.HasOne(i => i.Cycle).WithMany().HasForeignKey(i => i.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(i => i.Person).WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);

        // Erasing a contact keeps the fact that someone was asked (the response rate stays true) but not who.
        builder.HasOne(i => i.Contact).WithMany().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}

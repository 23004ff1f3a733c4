using LearningPortal.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.JobRole).HasMaxLength(200).IsRequired();
        builder.Property(u => u.LineManagerName).HasMaxLength(200);
        builder.Property(u => u.LineManagerEmail).HasMaxLength(256);
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PreviousEmailConfiguration : IEntityTypeConfiguration<PreviousEmail>
{
    public void Configure(EntityTypeBuilder<PreviousEmail> builder)
    {
        builder.Property(p => p.UserId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.NormalizedEmail).HasMaxLength(256).IsRequired();
        builder.Property(p => p.Email).HasMaxLength(256).IsRequired();
        builder.Property(p => p.ChangedTo).HasMaxLength(256).IsRequired();
        builder.Property(p => p.UndoKeyHash).HasMaxLength(64);
        builder.HasIndex(p => new { p.UserId, p.NormalizedEmail });
        builder.HasIndex(p => p.UndoKeyHash).IsUnique();

        // The history belongs to the account: deleting the account deletes it.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

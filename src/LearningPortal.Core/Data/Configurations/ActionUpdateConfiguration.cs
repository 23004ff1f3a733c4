using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.ToTable("ActionUpdates");
        builder.Property(u => u.AuthorUserId).HasMaxLength(450);
        builder.Property(u => u.AuthorName).HasMaxLength(200).IsRequired();
        builder.Property(u => u.Text).HasMaxLength(4000).IsRequired();
        builder.Property(u => u.Evidence).HasMaxLength(4000).IsRequired();
        builder.Property(u => u.Links).HasMaxLength(4000).IsRequired();
        builder.Property(u => u.StatusBefore).HasConversion<string>().HasMaxLength(12);
        builder.Property(u => u.StatusAfter).HasConversion<string>().HasMaxLength(12);
        builder.HasIndex(u => new { u.ActionId, u.CreatedUtc });
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(u => u.AuthorUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(u => u.Files).WithOne().HasForeignKey(f => f.UpdateId).OnDelete(DeleteBehavior.Cascade);
    }
}

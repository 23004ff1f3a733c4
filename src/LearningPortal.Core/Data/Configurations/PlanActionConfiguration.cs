using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        builder.ToTable("PlanActions", t =>
            t.HasCheckConstraint("CK_PlanActions_Owner", "\"OwnerAgencyId\" IS NULL OR \"OwnerGroupId\" IS NULL"));
        builder.Property(a => a.What).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.PublicSummary).HasMaxLength(500).IsRequired();
        builder.Property(a => a.RecommendationText).HasMaxLength(1000);
        builder.Property(a => a.LeadUserId).HasMaxLength(450);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.PlanId, a.Number });
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasIndex(a => a.DueOn);
        builder.HasIndex(a => a.LeadUserId);
        builder.HasIndex(a => a.OwnerAgencyId);
        builder.HasIndex(a => a.OwnerGroupId);
        builder.HasIndex(a => a.RecommendationId);
        // A deleted account leaves its actions without a lead; the scheduled work hands them back to the plan's Editors.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.LeadUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PartnershipGroup>().WithMany().HasForeignKey(a => a.OwnerGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

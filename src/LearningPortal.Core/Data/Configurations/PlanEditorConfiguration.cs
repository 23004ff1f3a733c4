using LearningPortal.Core.Accounts;
using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class PlanEditorConfiguration : IEntityTypeConfiguration<PlanEditor>
{
    public void Configure(EntityTypeBuilder<PlanEditor> builder)
    {
        builder.ToTable("ActionPlanEditors");
        builder.HasKey(e => new { e.PlanId, e.UserId });
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.HasIndex(e => e.UserId);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

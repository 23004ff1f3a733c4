using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ToTable("ActionPlans");
        builder.Property(p => p.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(p => p.DocumentId);
        builder.HasIndex(p => p.ObjectiveId);
        builder.HasOne<Document>().WithMany().HasForeignKey(p => p.DocumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Objective>().WithMany().HasForeignKey(p => p.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Editors).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Actions).WithOne(a => a.Plan).HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

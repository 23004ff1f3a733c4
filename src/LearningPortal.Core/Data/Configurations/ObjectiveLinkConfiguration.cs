using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ObjectiveLinkConfiguration : IEntityTypeConfiguration<ObjectiveLink>
{
    public void Configure(EntityTypeBuilder<ObjectiveLink> builder)
    {
        builder.ToTable("ObjectiveLinks");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(l => new { l.ObjectiveId, l.Kind, l.TargetId }).IsUnique();
        builder.HasIndex(l => new { l.Kind, l.TargetId });
        builder.HasOne<Objective>().WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

using LearningPortal.Core.ActionPlans;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class OutcomeFigureConfiguration : IEntityTypeConfiguration<OutcomeFigure>
{
    public void Configure(EntityTypeBuilder<OutcomeFigure> builder)
    {
        builder.ToTable("ImpactOutcomeFigures");
        builder.Property(f => f.Measure).HasMaxLength(200).IsRequired();
        builder.Property(f => f.Source).HasMaxLength(500).IsRequired();
        builder.Property(f => f.Value).HasPrecision(18, 2);
        builder.Property(f => f.Version).IsConcurrencyToken();
        // One figure per measure and quarter: a second entry for the same quarter is a correction, made by editing.
        builder.HasIndex(f => new { f.ObjectiveId, f.Measure, f.QuarterStart }).IsUnique();
        // Objectives are never deleted (a later strategy marks them not current), so this only guards the link.
        builder.HasOne<Objective>().WithMany().HasForeignKey(f => f.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

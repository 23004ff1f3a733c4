using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ObjectiveConfiguration : IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<Objective> builder)
    {
        builder.ToTable("Objectives");
        // The id comes from the strategy, never from the database.
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Title).HasMaxLength(500).IsRequired();
        builder.HasMany(o => o.Measures).WithOne().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Cascade);
    }
}

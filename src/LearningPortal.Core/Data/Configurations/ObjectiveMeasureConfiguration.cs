using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ObjectiveMeasureConfiguration : IEntityTypeConfiguration<ObjectiveMeasure>
{
    public void Configure(EntityTypeBuilder<ObjectiveMeasure> builder)
    {
        builder.ToTable("ObjectiveMeasures");
        builder.Property(m => m.Text).HasMaxLength(500).IsRequired();
    }
}

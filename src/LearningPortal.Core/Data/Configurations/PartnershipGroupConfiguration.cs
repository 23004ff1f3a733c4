using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class PartnershipGroupConfiguration : IEntityTypeConfiguration<PartnershipGroup>
{
    public void Configure(EntityTypeBuilder<PartnershipGroup> builder)
    {
        builder.ToTable("PartnershipGroups");
        builder.Property(g => g.Name).HasMaxLength(200).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
    }
}

using LearningPortal.Core.ActionPlans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ActionEvidenceFileConfiguration : IEntityTypeConfiguration<ActionEvidenceFile>
{
    public void Configure(EntityTypeBuilder<ActionEvidenceFile> builder)
    {
        builder.ToTable("ActionEvidenceFiles");
        builder.Property(f => f.FileName).HasMaxLength(255).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(200).IsRequired();
        builder.HasIndex(f => f.Key).IsUnique();
        builder.HasIndex(f => f.ActionId);
    }
}

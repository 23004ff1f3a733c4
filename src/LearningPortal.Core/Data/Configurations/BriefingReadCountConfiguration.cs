using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class BriefingReadCountConfiguration : IEntityTypeConfiguration<BriefingReadCount>
{
    public void Configure(EntityTypeBuilder<BriefingReadCount> builder)
    {
        // The key is what ImpactReadCounts' upsert names in ON CONFLICT.
        builder.ToTable("ImpactReadCounts");
        builder.HasKey(c => new { c.DocumentId, c.AgencyId, c.Month });
        builder.HasIndex(c => c.Month);
    }
}

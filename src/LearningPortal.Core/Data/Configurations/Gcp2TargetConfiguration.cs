using LearningPortal.Core.Accounts;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class Gcp2TargetConfiguration : IEntityTypeConfiguration<Gcp2Target>
{
    public void Configure(EntityTypeBuilder<Gcp2Target> builder)
    {
        builder.ToTable("ImpactGcp2Targets");
        builder.HasKey(t => t.AgencyId);
        builder.Property(t => t.AgencyId).ValueGeneratedNever();
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Cascade);
    }
}

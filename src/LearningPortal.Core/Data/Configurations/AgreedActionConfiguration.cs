using LearningPortal.Core.Accounts;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class AgreedActionConfiguration : IEntityTypeConfiguration<AgreedAction>
{
    public void Configure(EntityTypeBuilder<AgreedAction> builder)
    {
        builder.ToTable("SupervisionActions");
        builder.Property(a => a.What).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.OwnerId).HasMaxLength(450);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.DoneNote).HasMaxLength(2000);
        builder.HasIndex(a => new { a.OwnerId, a.Status });
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.SetNull);
    }
}

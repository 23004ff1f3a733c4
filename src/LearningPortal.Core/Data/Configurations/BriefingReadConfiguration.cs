using LearningPortal.Core.Accounts;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class BriefingReadConfiguration : IEntityTypeConfiguration<BriefingRead>
{
    public void Configure(EntityTypeBuilder<BriefingRead> builder)
    {
        builder.ToTable("ImpactBriefingReads");
        builder.Property(r => r.UserId).HasMaxLength(450);
        // A person counts once a day per briefing, whichever instance saw the read.
        builder.HasIndex(r => new { r.DocumentId, r.UserId, r.Day }).IsUnique();
        builder.HasIndex(r => new { r.DocumentId, r.Day, r.AgencyId });
        // The read stays counted when the account goes, but no longer belongs to anyone.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

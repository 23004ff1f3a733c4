using LearningPortal.Core.Accounts;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class BriefingReflectionConfiguration : IEntityTypeConfiguration<BriefingReflection>
{
    public void Configure(EntityTypeBuilder<BriefingReflection> builder)
    {
        builder.ToTable("ImpactReflections");
        builder.Property(r => r.UserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.BriefingTitle).HasMaxLength(300).IsRequired();
        builder.Property(r => r.BriefingPath).HasMaxLength(300).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(BriefingReflections.NoteMaxLength);
        builder.HasIndex(r => new { r.UserId, r.DocumentId }).IsUnique();
        builder.HasIndex(r => new { r.DocumentId, r.AgencyId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

using LearningPortal.Core.Accounts;
using LearningPortal.Core.Impact;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class LearningDiscussionConfiguration : IEntityTypeConfiguration<LearningDiscussion>
{
    public void Configure(EntityTypeBuilder<LearningDiscussion> builder)
    {
        builder.ToTable("ImpactDiscussions");
        builder.Property(d => d.UserId).HasMaxLength(450).IsRequired();
        builder.Property(d => d.Kind).HasMaxLength(50).IsRequired();
        builder.Property(d => d.Title).HasMaxLength(300).IsRequired();
        builder.HasIndex(d => new { d.RecordId, d.UserId }).IsUnique();
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => new { d.DocumentId, d.HeldOn });
        // Gone with the record (retention deletes it) and with the person's account.
        builder.HasOne<DiscussionRecord>().WithMany().HasForeignKey(d => d.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

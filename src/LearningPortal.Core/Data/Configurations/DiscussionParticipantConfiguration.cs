using LearningPortal.Core.Accounts;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class DiscussionParticipantConfiguration : IEntityTypeConfiguration<DiscussionParticipant>
{
    public void Configure(EntityTypeBuilder<DiscussionParticipant> builder)
    {
        builder.ToTable("SupervisionParticipants");
        builder.Property(p => p.UserId).HasMaxLength(450);
        builder.HasIndex(p => new { p.UserId, p.RecordId });
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

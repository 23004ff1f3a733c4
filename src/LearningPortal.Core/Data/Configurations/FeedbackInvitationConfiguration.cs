using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackInvitationConfiguration : IEntityTypeConfiguration<FeedbackInvitation>
{
    public void Configure(EntityTypeBuilder<FeedbackInvitation> builder)
    {
        builder.Property(i => i.UserId).HasMaxLength(450).IsRequired();
        // Correcting the register can report attendance twice; the person is asked once.
        builder.HasIndex(i => new { i.SessionId, i.UserId }).IsUnique();
        builder.HasIndex(i => new { i.FormId, i.SessionId });
    }
}

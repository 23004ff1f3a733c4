using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackResponseConfiguration : IEntityTypeConfiguration<FeedbackResponse>
{
    public void Configure(EntityTypeBuilder<FeedbackResponse> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        // The analysis filters one form's responses by date, then agency, briefing or session.
        builder.HasIndex(r => new { r.FormId, r.SubmittedUtc });
        builder.HasIndex(r => new { r.FormId, r.AgencyId, r.SubmittedUtc });
        builder.HasIndex(r => r.SessionId);
        builder.HasIndex(r => r.DocumentId);
        builder.HasOne<FeedbackForm>().WithMany().HasForeignKey(r => r.FormId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne(a => a.Response).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

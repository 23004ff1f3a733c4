using LearningPortal.Core.Feedback;
using LearningPortal.Core.Impact;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ImpactFeedbackConfiguration : IEntityTypeConfiguration<ImpactFeedback>
{
    public void Configure(EntityTypeBuilder<ImpactFeedback> builder)
    {
        builder.ToTable("ImpactFeedback");
        builder.HasKey(f => f.ResponseId);
        builder.Property(f => f.ResponseId).ValueGeneratedNever();
        builder.HasIndex(f => new { f.DocumentId, f.SubmittedUtc });
        builder.HasIndex(f => new { f.SessionId, f.SubmittedUtc });
        builder.HasOne<FeedbackResponse>().WithMany().HasForeignKey(f => f.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

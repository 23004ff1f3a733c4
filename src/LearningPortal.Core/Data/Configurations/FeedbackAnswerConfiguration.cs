using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackAnswerConfiguration : IEntityTypeConfiguration<FeedbackAnswer>
{
    public void Configure(EntityTypeBuilder<FeedbackAnswer> builder)
    {
        builder.Property(a => a.Text).HasMaxLength(4000);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        // Distributions group one question's answers by value; the covering index keeps that off the table.
        builder.HasIndex(a => new { a.QuestionId, a.ResponseId, a.Number, a.After });
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

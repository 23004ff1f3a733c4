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
        // Distributions group a form's answers by question and value: the covering index is read in group order,
        // so neither the table nor a sort is touched (the unique index above serves joins from filtered responses).
        builder.HasIndex(a => new { a.QuestionId, a.Number, a.After });
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackQuestionConfiguration : IEntityTypeConfiguration<FeedbackQuestion>
{
    public void Configure(EntityTypeBuilder<FeedbackQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(FeedbackQuestion.MaxTextLength).IsRequired();
        builder.Property(q => q.HelpText).HasMaxLength(FeedbackQuestion.MaxHelpLength).IsRequired();
        builder.Property(q => q.OptionsJson).HasMaxLength(8000).IsRequired();
        builder.Ignore(q => q.Options);
        builder.HasIndex(q => new { q.FormId, q.RetiredUtc });
        builder.HasIndex(q => q.Key);
    }
}

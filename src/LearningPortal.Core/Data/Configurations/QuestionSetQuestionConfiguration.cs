using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class QuestionSetQuestionConfiguration : IEntityTypeConfiguration<QuestionSetQuestion>
{
    public void Configure(EntityTypeBuilder<QuestionSetQuestion> builder)
    {
        builder.ToTable("SupervisionQuestionSetQuestions");
        builder.Property(q => q.Text).HasMaxLength(2000).IsRequired();
        builder.HasIndex(q => new { q.QuestionSetId, q.QuestionId }).IsUnique();
    }
}

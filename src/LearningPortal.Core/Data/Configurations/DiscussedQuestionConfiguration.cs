using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class DiscussedQuestionConfiguration : IEntityTypeConfiguration<DiscussedQuestion>
{
    public void Configure(EntityTypeBuilder<DiscussedQuestion> builder)
    {
        builder.ToTable("SupervisionDiscussedQuestions");
        builder.Property(q => q.Wording).HasMaxLength(2000).IsRequired();
        builder.Property(q => q.Discussion).HasMaxLength(8000);
        builder.HasIndex(q => q.QuestionId);
    }
}

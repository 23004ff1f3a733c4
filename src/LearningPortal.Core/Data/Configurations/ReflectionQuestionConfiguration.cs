using LearningPortal.Core.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ReflectionQuestionConfiguration : IEntityTypeConfiguration<ReflectionQuestion>
{
    public void Configure(EntityTypeBuilder<ReflectionQuestion> builder)
    {
        builder.Property(q => q.Text).HasMaxLength(1000).IsRequired();
        builder.HasIndex(q => new { q.VersionId, q.Position }).IsUnique();
        // Supervision looks a question up by its identity across versions.
        builder.HasIndex(q => q.QuestionId);
    }
}

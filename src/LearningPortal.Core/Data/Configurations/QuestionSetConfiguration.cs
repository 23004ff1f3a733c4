using LearningPortal.Core.Content;
using LearningPortal.Core.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class QuestionSetConfiguration : IEntityTypeConfiguration<QuestionSet>
{
    public void Configure(EntityTypeBuilder<QuestionSet> builder)
    {
        builder.ToTable("SupervisionQuestionSets");
        builder.Property(s => s.Title).HasMaxLength(300).IsRequired();
        builder.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);

        // One set per briefing: the publish handler upserts it.
        builder.HasIndex(s => s.DocumentId).IsUnique();
        builder.HasOne<Document>().WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.QuestionSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

using LearningPortal.Core.Feedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class FeedbackFormConfiguration : IEntityTypeConfiguration<FeedbackForm>
{
    public void Configure(EntityTypeBuilder<FeedbackForm> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(FeedbackForm.MaxNameLength).IsRequired();
        builder.Property(f => f.Slug).HasMaxLength(100).IsRequired();
        builder.Property(f => f.Intro).HasMaxLength(FeedbackForm.MaxIntroLength).IsRequired();
        builder.Ignore(f => f.CurrentQuestions);
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasMany(f => f.Questions).WithOne(q => q.Form).HasForeignKey(q => q.FormId).OnDelete(DeleteBehavior.Cascade);
    }
}

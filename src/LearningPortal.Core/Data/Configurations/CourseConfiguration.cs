using LearningPortal.Core.Feedback;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.ToTable("TrainingCourses");
        builder.Property(c => c.Title).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(100).IsRequired();
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.Property(c => c.Summary).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(20_000).IsRequired();
        builder.Property(c => c.Audience).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Length).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Materials).HasMaxLength(10_000).IsRequired();
        // No navigation: training knows only the form's id; removing a form sends its courses back to the default.
        builder.HasOne<FeedbackForm>().WithMany().HasForeignKey(c => c.EvaluationFormId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.PrerequisiteCourse).WithMany().HasForeignKey(c => c.PrerequisiteCourseId).OnDelete(DeleteBehavior.Restrict);
    }
}

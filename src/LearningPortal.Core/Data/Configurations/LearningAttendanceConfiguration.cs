using LearningPortal.Core.Impact;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class LearningAttendanceConfiguration : IEntityTypeConfiguration<LearningAttendance>
{
    public void Configure(EntityTypeBuilder<LearningAttendance> builder)
    {
        builder.ToTable("ImpactAttendances");
        builder.HasKey(a => a.BookingId);
        builder.Property(a => a.BookingId).ValueGeneratedNever();
        builder.Property(a => a.UserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.CourseTitle).HasMaxLength(200).IsRequired();
        builder.HasIndex(a => a.UserId);
        builder.HasIndex(a => new { a.CourseId, a.AgencyId });
        builder.HasOne<Booking>().WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

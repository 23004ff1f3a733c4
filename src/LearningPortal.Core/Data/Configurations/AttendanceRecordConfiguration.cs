using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("TrainingAttendance");
        builder.Property(a => a.SubstituteName).HasMaxLength(200);
        builder.Property(a => a.Notes).HasMaxLength(1000);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450);
        builder.Ignore(a => a.EarnsCertificate);
        builder.HasIndex(a => a.BookingId).IsUnique();
        builder.HasOne(a => a.Booking).WithOne(b => b.Attendance).HasForeignKey<AttendanceRecord>(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}

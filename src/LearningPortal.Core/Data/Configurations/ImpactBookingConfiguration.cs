using LearningPortal.Core.Impact;
using LearningPortal.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LearningPortal.Core.Data.Configurations;

internal sealed class ImpactBookingConfiguration : IEntityTypeConfiguration<ImpactBooking>
{
    public void Configure(EntityTypeBuilder<ImpactBooking> builder)
    {
        builder.ToTable("ImpactBookings");
        builder.HasKey(b => b.BookingId);
        builder.Property(b => b.BookingId).ValueGeneratedNever();
        builder.Property(b => b.UserId).HasMaxLength(450).IsRequired();
        builder.Property(b => b.CourseTitle).HasMaxLength(200).IsRequired();
        builder.HasIndex(b => b.SessionId);
        builder.HasIndex(b => new { b.CourseId, b.StartUtc });
        builder.HasOne<Booking>().WithMany().HasForeignKey(b => b.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
